using System.ComponentModel.DataAnnotations;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Data;

/// <summary>What an API key may do: read (score, read leads and models) or also write (upsert leads, append activities).</summary>
public enum ApiScope
{
    Read,
    Write,
}

/// <summary>An API key: only a hash of it is stored; the key itself is shown once, when Ops creates it.</summary>
public sealed class ApiKeyRecord
{
    public int Id { get; set; }

    [MaxLength(200)]
    public required string Name { get; set; }

    /// <summary>The key's first characters, stored in clear to find it (and to recognise it in lists).</summary>
    [MaxLength(20)]
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    [MaxLength(64)]
    public required string Hash { get; set; }

    public ApiScope Scope { get; set; }

    /// <summary>The team the key works for (a studio role): Marketing and Ops keys may also score against the
    /// draft.</summary>
    [MaxLength(20)]
    public string Team { get; set; } = StudioRoles.Sales;

    [MaxLength(256)]
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
