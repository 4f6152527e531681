using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Leads;

/// <summary>
/// The stored leads, loaded once and shared read-only by every circuit, in the columnar form the batch
/// scorer needs. Each circuit scores them with its own draft.
/// </summary>
public sealed class LeadLibrary(LeadRepository repository)
{
    private readonly Lock _gate = new();
    private Task<LeadSet>? _loading;

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

    private async Task<LeadSet> LoadAsync() => new(await repository.LoadAllAsync());
}

/// <summary>Leads in a fixed order (position = index into the batch and into every score array), with a
/// search.</summary>
public sealed class LeadSet
{
    private readonly Dictionary<string, int> _positions;

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

    /// <summary>Positions of leads whose name, company or e-mail contains <paramref name="text"/> (any case), examples
    /// first.</summary>
    public IEnumerable<int> Search(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Examples
            : Enumerable.Range(0, Leads.Count)
                .Where(i => Matches(Leads[i], text.Trim()))
                .OrderByDescending(i => Leads[i].IsExample);

    private static bool Matches(StoredLead lead, string text) =>
        lead.Lead.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || lead.Lead.Company.Contains(text, StringComparison.OrdinalIgnoreCase)
        || lead.Lead.Email.Contains(text, StringComparison.OrdinalIgnoreCase);
}
