using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Data;

/// <summary>Makes the context of the configured provider: <see cref="StudioDbContext"/> on SQLite,
/// <see cref="PostgreSqlStudioDbContext"/> on PostgreSQL (each with its own migrations).</summary>
public sealed class StudioContextFactory(DbContextOptions<StudioDbContext> options, IOptions<StorageOptions> storage)
    : IDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext() =>
        storage.Value.IsPostgreSql ? new PostgreSqlStudioDbContext(options) : new StudioDbContext(options);
}
