using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeadScoringStudio.Data;

/// <summary>The studio's database on PostgreSQL: the same model, with the migrations in
/// <c>Data/Migrations/PostgreSql</c> (EF Core picks migrations by the context's type).</summary>
public sealed class PostgreSqlStudioDbContext(DbContextOptions<StudioDbContext> options) : StudioDbContext(options);

/// <summary>For <c>dotnet ef migrations add NAME --context PostgreSqlStudioDbContext -o
/// Data/Migrations/PostgreSql</c>: a context to build migrations from, no server needed.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStudioDbContext>
{
    public PostgreSqlStudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

/// <summary>For <c>dotnet ef migrations add NAME --context StudioDbContext -o Data/Migrations</c>: the SQLite
/// context (without it, the tools would take the PostgreSQL factory above, whose context is a StudioDbContext
/// too).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite("Data Source=design.db").Options);
}
