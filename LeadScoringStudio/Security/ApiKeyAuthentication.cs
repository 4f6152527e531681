using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using LeadScoringStudio.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Security;

/// <summary>
/// Checks API keys, remembering good ones for a few seconds so a busy client is not a database read per
/// request; revoking through here forgets them at once.
/// </summary>
public sealed class ApiKeyValidator(ApiKeyRepository keys, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ApiKeyInfo Key, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<ApiKeyInfo?> ValidateAsync(string key)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Key;
        }

        var found = await keys.FindAsync(key);
        if (found is null)
        {
            _known.TryRemove(key, out _);
            return null;
        }

        await keys.TouchAsync(found);
        _known[key] = (found with { LastUsedAt = now }, now + Remember);
        return found;
    }

    public async Task<bool> RevokeAsync(int id, ClaimsPrincipal user)
    {
        var revoked = await keys.RevokeAsync(id, user);
        _known.Clear();
        return revoked;
    }
}

/// <summary>The "ApiKey" scheme: a key in the <c>X-Api-Key</c> header (or <c>Authorization: Bearer</c>) signs the request in as that key, with its scope as a claim.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";

    /// <summary>The team a key works for; not a role claim, so a key never passes for a signed-in person.</summary>
    public const string TeamClaim = "team";
    public const string Header = "X-Api-Key";

    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && header.ToString() is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (await validator.ValidateAsync(key) is not { } found)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"api-key:{found.Name}"),
                new Claim(ScopeClaim, found.Scope.ToString().ToLowerInvariant()), new Claim("key_prefix", found.Prefix),
                new Claim(TeamClaim, found.Team)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Response.WriteAsJsonAsync(new { title = "Send a valid API key in the X-Api-Key header.", status = 401 });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { title = "This API key's scope does not allow this; it needs write scope.", status = 403 });
    }
}

/// <summary>The API's authorization policies: read (any key) and write (write-scoped keys).</summary>
public static class ApiPolicies
{
    /// <summary>Marketing and Ops keys may score against the unpublished draft; Sales keys see published versions
    /// only.</summary>
    public static bool MayReadDraft(ClaimsPrincipal key) =>
        key.HasClaim(ApiKeyAuthenticationHandler.TeamClaim, StudioRoles.Marketing)
        || key.HasClaim(ApiKeyAuthenticationHandler.TeamClaim, StudioRoles.Ops);

    public const string Read = "api:read";
    public const string Write = "api:write";
    public const string RateLimit = "api:per-key";
    public const string Docs = "api:docs";
}
