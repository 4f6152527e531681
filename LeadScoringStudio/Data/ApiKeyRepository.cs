using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>An API key as lists show it (never the key itself).</summary>
public sealed record ApiKeyInfo(int Id, string Name, string Prefix, ApiScope Scope, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string Team);

/// <summary>
/// API keys: Ops creates them (the key is returned once and stored only as a SHA-256 hash), lists and
/// revokes them; requests are checked against the hash in constant time. Last use is recorded at most
/// once a minute per key, so busy clients do not turn every read into a write.
/// </summary>
public sealed class ApiKeyRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time,
    AccountCheck accounts)
{
    public const string KeyStart = "lss_";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<(ApiKeyInfo Info, string Key)?> CreateAsync(string name, ApiScope scope, ClaimsPrincipal user,
        string team = StudioRoles.Sales, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || !StudioRoles.All.Contains(team)
            || !StudioRoles.CanManageUsers(await accounts.NowAsync(user)))
        {
            return null;
        }

        var prefix = KeyStart + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var key = $"{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=')}";
        var record = new ApiKeyRecord { Name = name.Trim(), Prefix = prefix, Hash = HashOf(key), Scope = scope,
            Team = team,
            CreatedBy = StudioRoles.NameOf(user), CreatedAt = time.GetUtcNow() };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (ToInfo(record), key);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken))
            .Select(ToInfo).ToList();
    }

    public async Task<bool> RevokeAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!StudioRoles.CanManageUsers(await accounts.NowAsync(user)))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null || record.RevokedAt is not null)
        {
            return false;
        }

        record.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live (not revoked) key this text is, or null.</summary>
    public async Task<ApiKeyInfo?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var prefix = PrefixOf(key);
        if (prefix is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return record is { RevokedAt: null }
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(record.Hash),
            Encoding.ASCII.GetBytes(HashOf(key)))
            ? ToInfo(record)
            : null;
    }

    /// <summary>Records that a key was used now, unless that was already recorded within the last minute.</summary>
    public async Task TouchAsync(ApiKeyInfo key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.Id == key.Id)
            .ExecuteUpdateAsync(k => k.SetProperty(r => r.LastUsedAt, now), cancellationToken);
    }

    public static string? PrefixOf(string key)
    {
        var end = key.IndexOf('_', KeyStart.Length);
        return key.StartsWith(KeyStart, StringComparison.Ordinal) && end > KeyStart.Length ? key[..end] : null;
    }

    private static string HashOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
        .ToLowerInvariant();

    private static ApiKeyInfo ToInfo(ApiKeyRecord r) =>
        new(r.Id, r.Name, r.Prefix, r.Scope, r.CreatedBy, r.CreatedAt, r.RevokedAt, r.LastUsedAt, r.Team);
}
