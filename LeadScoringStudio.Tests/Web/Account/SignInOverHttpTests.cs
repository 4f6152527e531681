using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LeadScoringStudio.Features.Account;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadScoringStudio.Tests.Web.Account;

/// <summary>The sign-in form, sign-out and the security headers, as a browser (or an attacker) meets them over
/// HTTP.</summary>
public sealed partial class SignInOverHttpTests : HostedAppTest
{
    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_as_a_wrong_password_and_costs_the_same_hashing()
    {
        await TimedSignInAsync("marketing@demo.local", "warming-up");
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await TimedSignInAsync("sales@demo.local", "not-the-password");
            var nobody = await TimedSignInAsync($"nobody-{i}@demo.local", "not-the-password");
            Assert.Contains(PasswordSignIn.NoMatch, wrong.Page);
            Assert.Contains(PasswordSignIn.NoMatch, nobody.Page);
            known.Add(wrong.Elapsed);
            unknown.Add(nobody.Elapsed);
        }

        // Both verify a password hash (PBKDF2, tens of milliseconds); an unknown account used to answer in under 20 ms
        // against 68-269 ms for a known one. Hashing makes the unknown one at least half as slow as the known.
        Assert.True(unknown.Min() > known.Min() / 2,
            $"{unknown.Min().TotalMilliseconds} ms against {known.Min().TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_the_admin_out_but_slow_the_guesser_down()
    {
        for (var i = 0; i < 6; i++)
        {
            await TimedSignInAsync("ops@demo.local", $"guess-{i}");
        }

        var throttled = await TimedSignInAsync("ops@demo.local", "Ops-demo-1");
        Assert.Contains("Too many failed sign-ins: wait", throttled.Page);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var admin = await TimedSignInAsync("ops@demo.local", "Ops-demo-1");
        Assert.Equal(HttpStatusCode.Redirect, admin.Status);
    }

    [Fact]
    public async Task Sign_out_rotates_the_stamp_so_a_copied_cookie_exports_nothing()
    {
        using var client = Client();
        var signedIn = await HttpSignIn.SignInAsync(client, "ops@demo.local", "Ops-demo-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var copied = Client();
        copied.DefaultRequestHeaders.Add("Cookie", signedIn.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/export/draft.json")).StatusCode);

        var page = await client.GetStringAsync("/");
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.NotEqual(HttpStatusCode.OK, (await copied.GetAsync("/export/draft.json")).StatusCode);
    }

    [Fact]
    public async Task A_sign_out_without_its_token_and_a_non_ascii_return_url_are_400_and_a_redirect_never_500()
    {
        using var client = Client();
        var signedIn = await HttpSignIn.SignInAsync(client, "ops@demo.local", "Ops-demo-1", "/leads?q=Müller%20&x=ü");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.EndsWith("/leads?q=M%C3%BCller%20&x=%C3%BC", signedIn.Location);

        var logout = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Fact]
    public async Task Every_page_carries_a_content_security_policy_and_the_other_security_headers()
    {
        var response = await Client().GetAsync("/account/login");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
        var nonce = NonceRegex().Match(csp).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync());
    }

    private HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
        HandleCookies = true });

    private async Task<(HttpStatusCode Status, string Page, TimeSpan Elapsed)> TimedSignInAsync(string email,
        string password)
    {
        using var client = Client();
        var watch = Stopwatch.StartNew();
        var result = await HttpSignIn.SignInAsync(client, email, password);
        return (result.Status, result.Page, watch.Elapsed);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceRegex();
}
