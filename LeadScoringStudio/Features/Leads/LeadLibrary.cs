using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Queue;

namespace LeadScoringStudio.Features.Leads;

/// <summary>
/// The stored leads, loaded once and shared read-only by every circuit, in the columnar form the batch
/// scorer needs. Each circuit scores them with its own draft. Writers on this server tell it directly; what writers
/// on other servers did arrives as their events (leads changed, a new outcome from sales).
/// </summary>
public sealed class LeadLibrary : IDisposable
{
    /// <summary>Above this many changed leads a write is taken in by reading every lead again, which is then as
    /// quick.</summary>
    public const int MostAppliedOneByOne = 50_000;

    private readonly Lock _gate = new();
    private readonly LeadRepository _repository;
    private readonly ILogger<LeadLibrary> _log;
    private readonly IDisposable _subscription;
    private Task<LeadSet>? _loading;
    private volatile bool _hasLoaded;

    public LeadLibrary(LeadRepository repository, IStudioEvents events, ILogger<LeadLibrary> log)
    {
        _repository = repository;
        _log = log;
        _subscription = events.Subscribe(e =>
        {
            switch (e)
            {
                case LeadsChanged { FromOtherServer: true } changed:
                    Changed(changed.LeadIds);
                    break;
                case FeedbackRecorded { FromOtherServer: true, Outcome: { } outcome } feedback:
                    SetOutcome(feedback.LeadId, outcome);
                    break;
            }
        });
    }

    /// <summary>Whether the leads have been in memory since this server started.</summary>
    public bool HasLoaded => _hasLoaded;

    public Task<LeadSet> GetAsync()
    {
        lock (_gate)
        {
            if (_loading is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _loading = LoadAsync();
            }

            return _loading;
        }
    }

    /// <summary>
    /// Takes in a lead's new outcome (sales marked it won or lost) without reloading every lead: the loaded set is
    /// replaced by one that differs in that lead only.
    /// </summary>
    public void SetOutcome(string leadId, KnownOutcome outcome) =>
        Then(leads => Task.FromResult(leads.WithOutcome(leadId, outcome)));

    /// <summary>
    /// Takes in leads an import or an API write changed or added: only those are read again and put into the loaded
    /// set, after whatever it was doing. Null (or more than <see cref="MostAppliedOneByOne"/>) means read every lead
    /// again.
    /// </summary>
    public void Changed(IReadOnlyCollection<string>? leadIds)
    {
        if (leadIds is null || leadIds.Count > MostAppliedOneByOne)
        {
            Invalidate();
            return;
        }

        Then(async leads => leads.With(await _repository.FindManyAsync(leadIds)));
    }

    /// <summary>Forgets the loaded leads (after a change to many); the next caller loads them again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _loading = null;
        }
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Runs <paramref name="step"/> on the loaded set once the step before it is done; the set it makes is
    /// what callers get from then on. Nothing loaded yet: nothing to do, since the load reads the change.</summary>
    private void Then(Func<LeadSet, Task<LeadSet>> step)
    {
        lock (_gate)
        {
            if (_loading is not null)
            {
                _loading = StepAsync(_loading, step);
            }
        }
    }

    private static async Task<LeadSet> StepAsync(Task<LeadSet> before, Func<LeadSet, Task<LeadSet>> step) =>
        await step(await before);

    /// <summary>Reads every lead; a failure is logged here (callers such as the readiness check do not wait), and the
    /// next caller tries again.</summary>
    private Task<LeadSet> LoadAsync() => Task.Run(async () =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LeadSet leads;
        try
        {
            leads = await LeadSet.LoadAsync(_repository.ReadInChunksAsync());
        }
        catch (Exception error)
        {
            _log.LogError(error, "Loading the leads failed; the next request tries again");
            throw;
        }

        _log.LogInformation("Loaded {Leads} leads with {Activities} activities in {Seconds:F1} s", leads.Count,
            leads.Batch.ActivityCount, clock.Elapsed.TotalSeconds);
        _hasLoaded = true;
        return leads;
    });
}
