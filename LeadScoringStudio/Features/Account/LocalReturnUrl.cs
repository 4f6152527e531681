namespace LeadScoringStudio.Features.Account;

/// <summary>Where to go after signing in: the requested page if it is on this site, else the workbench (no open redirects).</summary>
public static class LocalReturnUrl
{
    public static string Of(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
