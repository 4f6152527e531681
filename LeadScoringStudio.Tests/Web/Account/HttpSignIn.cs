using System.Net;
using System.Text.RegularExpressions;

namespace LeadScoringStudio.Tests.Web.Account;

/// <summary>Signing in through the real sign-in form over HTTP, as a browser without JavaScript would.</summary>
public static partial class HttpSignIn
{
    /// <summary>Posts the sign-in form; the answer, the page and the sign-in cookie (empty when none was
    /// set).</summary>
    public static async Task<(HttpStatusCode Status, string Page, string Cookie, string? Location)> SignInAsync(
        HttpClient client, string email, string password, string returnUrl = "/")
    {
        var path = $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? string.Join("; ", cookies.Select(c => c.Split(';')[0])
                .Where(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)))
            : "";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), cookie,
            response.Headers.Location?.OriginalString);
    }

    /// <summary>The antiforgery token a page's forms carry.</summary>
    public static string Token(string page) => TokenRegex().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
