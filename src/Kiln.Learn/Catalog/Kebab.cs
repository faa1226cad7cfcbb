using System.Text;

namespace Kiln.Learn;

/// <summary>Kebab-case names (<c>WithMean</c> → <c>with-mean</c>), the one spelling users type for parameters and values.</summary>
public static class Kebab
{
    public static string Of(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                var startsWord = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                    || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (startsWord) text.Append('-');
                text.Append(char.ToLowerInvariant(c));
            }
            else text.Append(c);
        }
        return text.ToString();
    }
}
