using System.Text;

namespace LeadScoringStudio.Features.Account;

/// <summary>Where to go after signing in: the requested page if it is on this site, else the workbench (no open
/// redirects). Characters a Location header cannot carry are percent-encoded.</summary>
public static class LocalReturnUrl
{
    public static string Of(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? Encoded(url)
            : "/";

    private static string Encoded(string url)
    {
        var text = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                text.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
