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
    private readonly Lock _gate = new();
    private readonly LeadRepository _repository;
    private readonly IDisposable _subscription;
    private Task<LeadSet>? _loading;

    public LeadLibrary(LeadRepository repository, IStudioEvents events)
    {
        _repository = repository;
        _subscription = events.Subscribe(e =>
        {
            switch (e)
            {
                case LeadsChanged { FromOtherServer: true }:
                    Invalidate();
                    break;
                case FeedbackRecorded { FromOtherServer: true, Outcome: { } outcome } feedback:
                    SetOutcome(feedback.LeadId, outcome);
                    break;
            }
        });
    }

    public Task<LeadSet> GetAsync()
    {
        lock (_gate)
        {
            return _loading ??= LoadAsync();
        }
    }

    /// <summary>
    /// Takes in a lead's new outcome (sales marked it won or lost) without reloading every lead: the loaded set is
    /// replaced by one that differs in that lead only. While leads are loading, the next load reads it from the
    /// database.
    /// </summary>
    public void SetOutcome(string leadId, KnownOutcome outcome)
    {
        lock (_gate)
        {
            if (_loading is { IsCompletedSuccessfully: true } loaded)
            {
                _loading = Task.FromResult(loaded.Result.WithOutcome(leadId, outcome));
            }
            else
            {
                _loading = null;
            }
        }
    }

    /// <summary>Forgets the loaded leads (after an import or an API write); the next caller loads them again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _loading = null;
        }
    }

    public void Dispose() => _subscription.Dispose();

    private async Task<LeadSet> LoadAsync() => new(await _repository.LoadAllAsync());
}

/// <summary>Leads in a fixed order (position = index into the batch and into every score array), with a
/// search.</summary>
public sealed class LeadSet
{
    private readonly Dictionary<string, int> _positions;
    private readonly Lazy<string[]> _searchable;

    public LeadSet(IReadOnlyList<StoredLead> leads)
        : this(leads, LeadBatch.From(leads.Select(l => l.Lead).ToList()))
    {
    }

    private LeadSet(IReadOnlyList<StoredLead> leads, LeadBatch batch)
    {
        Leads = leads;
        Batch = batch;
        Examples = Enumerable.Range(0, leads.Count).Where(i => leads[i].IsExample).ToList();
        _positions = Enumerable.Range(0, leads.Count).ToDictionary(i => leads[i].Lead.Id);
        _searchable = new Lazy<string[]>(() => Searchable(leads));
    }

    public IReadOnlyList<StoredLead> Leads { get; }

    public LeadBatch Batch { get; }

    /// <summary>Positions of the hand-written workshop examples.</summary>
    public IReadOnlyList<int> Examples { get; }

    public int Count => Leads.Count;

    public int? PositionOf(string leadId) => _positions.TryGetValue(leadId, out var position) ? position : null;

    /// <summary>The same leads (and columns) with one lead's outcome changed; this set itself stays as it is.</summary>
    public LeadSet WithOutcome(string leadId, KnownOutcome outcome)
    {
        if (PositionOf(leadId) is not { } position)
        {
            return this;
        }

        var leads = Leads.ToArray();
        leads[position] = leads[position] with { Outcome = outcome.Outcome, OutcomeSource = outcome.Source };
        return new LeadSet(leads, Batch);
    }

    /// <summary>Positions of leads whose id, name, company or e-mail contains <paramref name="text"/> (any case),
    /// examples first. The four are joined once per lead set and scanned on every core.</summary>
    public IEnumerable<int> Search(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Examples;
        }

        var wanted = text.Trim();
        var searchable = _searchable.Value;
        return Enumerable.Range(0, Leads.Count).AsParallel().AsOrdered()
            .Where(i => searchable[i].Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .ToList()
            .OrderByDescending(i => Leads[i].IsExample);
    }

    /// <summary>Id, name, company and e-mail with a separator no search text holds, so no match spans two.</summary>
    private static string[] Searchable(IReadOnlyList<StoredLead> leads) =>
        leads.Select(l => string.Join('\n', l.Lead.Id, l.Lead.Name, l.Lead.Company, l.Lead.Email)).ToArray();
}
