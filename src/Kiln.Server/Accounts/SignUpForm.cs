namespace Kiln.Server.Accounts;

/// <summary>The sign-up form's fields; each may be left out of the post, which the handler answers with a message.</summary>
public sealed record SignUpForm
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
}
