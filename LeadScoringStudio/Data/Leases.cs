using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>
/// Jobs that one server at a time may do, among several on one database. A server takes a job's lease when nobody
/// holds it or the holder let it run out, and keeps it by taking it again before it runs out; a server that dies
/// stops renewing, and another takes over once the lease has run out.
/// </summary>
public sealed class Leases(IDbContextFactory<StudioDbContext> contexts, TimeProvider time, ILogger<Leases> logger)
{
    public const string Rescore = "rescore";

    public const string Webhooks = "webhooks";

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="holder"/> until
    /// <paramref name="length"/> from now; false when another server holds it.</summary>
    public async Task<bool> HoldAsync(string name, string holder, TimeSpan length,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)length.TotalMilliseconds;
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUnixMs < now))
            .ExecuteUpdateAsync(l => l.SetProperty(r => r.Holder, holder).SetProperty(r => r.ExpiresAtUnixMs, until),
                cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new LeaseRecord { Name = name, Holder = holder, ExpiresAtUnixMs = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server created the lease at the same moment, and has it.
            return false;
        }
    }

    /// <summary>Lets go of a lease (a server stopping in good order), so another takes it at once. Best effort: when
    /// the database is out of reach (or the server is already shutting its services down), the lease runs out by
    /// itself.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Leases.Where(l => l.Name == name && l.Holder == holder)
                .ExecuteUpdateAsync(l => l.SetProperty(r => r.ExpiresAtUnixMs, 0L), cancellationToken);
        }
        catch (Exception e) when (e is ObjectDisposedException or DbException or OperationCanceledException)
        {
            logger.LogInformation("Could not let go of the {Lease} lease ({Error}); it runs out by itself", name,
                e.Message);
        }
    }
}
