namespace Kiln.Data.Datasets;

/// <summary>Where Kiln keeps its cache: <c>$KILN_HOME</c>, or <c>~/.kiln</c> when that is not set.</summary>
public static class KilnHome
{
    public const string EnvironmentVariable = "KILN_HOME";

    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured)
                ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kiln")
                : System.IO.Path.GetFullPath(configured);
        }
    }
}
