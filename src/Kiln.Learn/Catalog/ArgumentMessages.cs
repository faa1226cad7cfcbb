namespace Kiln.Learn;

/// <summary>
/// The user-facing part of an argument error: .NET appends " (Parameter 'x')" to an <see cref="ArgumentException"/>'s
/// message, and an <see cref="ArgumentOutOfRangeException"/> a second line "Actual value was …". A message wrapped in
/// another or printed as a command's one-line error should say what was wrong in the user's words, without either.
/// </summary>
public static class ArgumentMessages
{
    public static string Own(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (error is ArgumentOutOfRangeException { ActualValue: not null } && message.IndexOf('\n', StringComparison.Ordinal) is var line and >= 0)
            message = message[..line].TrimEnd('\r');
        return error.ParamName is { } name ? message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : message;
    }
}
