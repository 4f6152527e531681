using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>The studio's database: users and roles (Identity), scoring models with their versions, and leads. This type
/// is the SQLite database and owns the SQLite migrations; <see cref="PostgreSqlStudioDbContext"/> is the same database
/// on PostgreSQL, with its own.</summary>
public class StudioDbContext(DbContextOptions<StudioDbContext> options) : IdentityDbContext<StudioUser>(options),
    IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens: in the database, so every server
    /// behind a load balancer reads the same ones.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ModelRecord> Models => Set<ModelRecord>();

    public DbSet<PublishedModelRecord> PublishedModels => Set<PublishedModelRecord>();

    public DbSet<LeadRecord> Leads => Set<LeadRecord>();

    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();

    public DbSet<DraftRevisionRecord> DraftRevisions => Set<DraftRevisionRecord>();

    public DbSet<ApprovalRecord> Approvals => Set<ApprovalRecord>();

    public DbSet<WorkshopRecord> Workshops => Set<WorkshopRecord>();

    public DbSet<WorkshopVoteRecord> WorkshopVotes => Set<WorkshopVoteRecord>();

    public DbSet<ImportRecord> Imports => Set<ImportRecord>();

    public DbSet<RememberedColumnRecord> RememberedColumns => Set<RememberedColumnRecord>();

    public DbSet<FieldRecord> Fields => Set<FieldRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<LeadStateRecord> LeadStates => Set<LeadStateRecord>();

    public DbSet<StageChangeRecord> StageChanges => Set<StageChangeRecord>();

    public DbSet<ScorePointRecord> ScorePoints => Set<ScorePointRecord>();

    public DbSet<FeedbackRecord> Feedback => Set<FeedbackRecord>();

    public DbSet<TeamSettingsRecord> TeamSettings => Set<TeamSettingsRecord>();

    public DbSet<WebhookRecord> Webhooks => Set<WebhookRecord>();

    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    public DbSet<RoutingVersionRecord> RoutingVersions => Set<RoutingVersionRecord>();

    public DbSet<LeaseRecord> Leases => Set<LeaseRecord>();

    public DbSet<PresenceRecord> Presence => Set<PresenceRecord>();

    public DbSet<WarehouseMappingRecord> WarehouseMappings => Set<WarehouseMappingRecord>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PublishedModelRecord>().HasIndex(p => new { p.ModelId, p.Number }).IsUnique();
        builder.Entity<ModelRecord>().HasMany(m => m.Published).WithOne().HasForeignKey(p => p.ModelId);
        builder.Entity<LeadRecord>().HasIndex(l => l.ExternalId).IsUnique();
        builder.Entity<LeadRecord>().Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Entity<ChangeRecord>().HasIndex(c => new { c.ModelId, c.Id });
        builder.Entity<DraftRevisionRecord>().HasIndex(r => new { r.ModelId, r.By, r.Version });
        builder.Entity<ApprovalRecord>().HasIndex(a => new { a.ModelId, a.DraftVersion, a.By }).IsUnique();
        builder.Entity<WorkshopRecord>().HasMany(w => w.Votes).WithOne().HasForeignKey(v => v.WorkshopId);
        builder.Entity<WorkshopVoteRecord>().HasIndex(v => new { v.WorkshopId, v.LeadId, v.Voter }).IsUnique();
        builder.Entity<WorkshopVoteRecord>().Property(v => v.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Entity<LeadRecord>().Property(l => l.SalesOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Entity<RememberedColumnRecord>().HasIndex(m => m.Column).IsUnique();
        builder.Entity<FieldRecord>().HasIndex(f => f.Key).IsUnique();
        builder.Entity<FieldRecord>().Property(f => f.Type).HasConversion<string>().HasMaxLength(10);
        builder.Entity<FieldRecord>().Property(f => f.Dimension).HasConversion<string>().HasMaxLength(12);
        builder.Entity<FieldRecord>().Property(f => f.KnownBeforeContact).HasConversion<string>().HasMaxLength(10);
        builder.Entity<ApiKeyRecord>().HasIndex(k => k.Prefix).IsUnique();
        builder.Entity<ApiKeyRecord>().Property(k => k.Scope).HasConversion<string>().HasMaxLength(10);
        builder.Entity<LeadStateRecord>().HasIndex(s => s.LeadId).IsUnique();
        builder.Entity<LeadStateRecord>().Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Entity<StageChangeRecord>().HasIndex(c => c.LeadId);
        builder.Entity<StageChangeRecord>().Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Entity<StageChangeRecord>().Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Entity<StageChangeRecord>().Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Entity<ScorePointRecord>().HasIndex(p => p.LeadId);
        builder.Entity<FeedbackRecord>().HasIndex(f => f.LeadId);
        builder.Entity<FeedbackRecord>().Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Entity<ModelRecord>().HasIndex(m => m.Key).IsUnique();
        builder.Entity<WebhookDeliveryRecord>().HasIndex(d => new { d.Status, d.DueAtUnixMs });
        builder.Entity<WebhookDeliveryRecord>().HasIndex(d => new { d.WebhookId, d.Id });
        builder.Entity<RoutingVersionRecord>().HasIndex(r => r.Number).IsUnique();
        builder.Entity<WebhookDeliveryRecord>().Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }
}
