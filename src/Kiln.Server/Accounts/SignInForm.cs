namespace Kiln.Server.Accounts;

/// <summary>The sign-in form's fields; each may be left out of the post, which the handler answers with a message.</summary>
public sealed record SignInForm
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ReturnUrl { get; init; }
}
