using System.Collections;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Features.Leads;

/// <summary>
/// Leads in a fixed order (position = index into the batch and into every score array), with a search. The leads
/// live in their columns only (<see cref="LeadBatch"/>) plus each one's outcome and example story; a
/// <see cref="StoredLead"/> is read back from the columns when asked for, so a million-lead workspace holds no
/// million <see cref="Lead"/> objects.
/// </summary>
public sealed class LeadSet
{
    private readonly KnownOutcome[] _outcomes;
    private readonly IReadOnlyDictionary<int, string> _stories;
    private readonly IReadOnlyDictionary<string, int> _positions;
    private readonly Lazy<string[]> _searchable;

    public LeadSet(IReadOnlyList<StoredLead> leads)
        : this(LeadBatch.From(leads.Select(l => l.Lead)), [.. leads.Select(OutcomeOf)], StoriesOf(leads), null)
    {
    }

    private LeadSet(LeadBatch batch, KnownOutcome[] outcomes, IReadOnlyDictionary<int, string> stories,
        IReadOnlyDictionary<string, int>? positions)
    {
        Batch = batch;
        _outcomes = outcomes;
        _stories = stories;
        _positions = positions ?? PositionsOf(batch);
        Examples = [.. stories.Keys.Order()];
        Leads = new StoredLeads(this);
        _searchable = new Lazy<string[]>(Searchable);
    }

    /// <summary>Every lead, each read from the columns when it is asked for.</summary>
    public IReadOnlyList<StoredLead> Leads { get; }

    public LeadBatch Batch { get; }

    /// <summary>Positions of the hand-written workshop examples.</summary>
    public IReadOnlyList<int> Examples { get; }

    public int Count => Batch.Count;

    /// <summary>Builds the set from leads as storage hands them out, a chunk at a time, without keeping them.</summary>
    public static async Task<LeadSet> LoadAsync(IAsyncEnumerable<IReadOnlyList<StoredLead>> chunks)
    {
        var builder = new LeadBatch.Builder();
        var outcomes = new List<KnownOutcome>();
        var stories = new Dictionary<int, string>();
        await foreach (var chunk in chunks)
        {
            foreach (var stored in chunk)
            {
                if (stored.ExampleStory is { } story)
                {
                    stories[builder.Count] = story;
                }

                builder.Add(stored.Lead);
                outcomes.Add(OutcomeOf(stored));
            }
        }

        return new LeadSet(builder.Build(), [.. outcomes], stories, null);
    }

    public int? PositionOf(string leadId) => _positions.TryGetValue(leadId, out var position) ? position : null;

    public string IdAt(int position) => Batch.LeadIds[position];

    public KnownOutcome OutcomeAt(int position) => _outcomes[position];

    public bool IsExample(int position) => _stories.ContainsKey(position);

    /// <summary>The same leads (and columns) with one lead's outcome changed; this set itself stays as it is.</summary>
    public LeadSet WithOutcome(string leadId, KnownOutcome outcome)
    {
        if (PositionOf(leadId) is not { } position)
        {
            return this;
        }

        var outcomes = _outcomes.ToArray();
        outcomes[position] = outcome;
        return new LeadSet(Batch, outcomes, _stories, _positions);
    }

    /// <summary>These leads with <paramref name="changed"/> taken in: a known lead is replaced where it stands, a new
    /// one goes at the end. This set itself stays as it is.</summary>
    public LeadSet With(IReadOnlyList<StoredLead> changed)
    {
        var latest = changed.GroupBy(l => l.Lead.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var added = latest.Where(l => PositionOf(l.Lead.Id) is null).ToList();
        var positions = new Dictionary<string, int>(_positions, StringComparer.Ordinal);
        foreach (var stored in added)
        {
            positions[stored.Lead.Id] = positions.Count;
        }

        var outcomes = new KnownOutcome[positions.Count];
        _outcomes.CopyTo(outcomes, 0);
        var stories = new Dictionary<int, string>(_stories);
        foreach (var stored in latest)
        {
            var position = positions[stored.Lead.Id];
            outcomes[position] = OutcomeOf(stored);
            if (stored.ExampleStory is { } story)
            {
                stories[position] = story;
            }
            else
            {
                stories.Remove(position);
            }
        }

        var replaced = latest.Where(l => PositionOf(l.Lead.Id) is not null)
            .ToDictionary(l => positions[l.Lead.Id], l => l.Lead);
        return new LeadSet(Batch.With(replaced, added.Select(a => a.Lead)), outcomes, stories, positions);
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
        return Enumerable.Range(0, Count).AsParallel().AsOrdered()
            .Where(i => searchable[i].Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .ToList()
            .OrderByDescending(IsExample);
    }

    private StoredLead LeadAt(int position)
    {
        var outcome = _outcomes[position];
        return new StoredLead(Batch.LeadAt(position), outcome.Outcome, _stories.GetValueOrDefault(position))
        {
            OutcomeSource = outcome.Source,
        };
    }

    /// <summary>Id, name, company and e-mail with a separator no search text holds, so no match spans two.</summary>
    private string[] Searchable() =>
    [
        .. Enumerable.Range(0, Count).Select(i => string.Join('\n', IdAt(i),
            Batch.ValueAt(i, Lead.NameField), Batch.ValueAt(i, Lead.CompanyField), Batch.ValueAt(i, Lead.EmailField))),
    ];

    private static KnownOutcome OutcomeOf(StoredLead stored) => new(stored.Outcome, stored.OutcomeSource);

    private static Dictionary<int, string> StoriesOf(IReadOnlyList<StoredLead> leads) =>
        Enumerable.Range(0, leads.Count).Where(i => leads[i].IsExample)
            .ToDictionary(i => i, i => leads[i].ExampleStory!);

    private static Dictionary<string, int> PositionsOf(LeadBatch batch)
    {
        var positions = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
        for (var position = 0; position < batch.Count; position++)
        {
            positions[batch.LeadIds[position]] = position;
        }

        return positions;
    }

    /// <summary>The leads as a list, each read from the columns when asked for.</summary>
    private sealed class StoredLeads(LeadSet set) : IReadOnlyList<StoredLead>
    {
        public int Count => set.Count;

        public StoredLead this[int index] => set.LeadAt(index);

        public IEnumerator<StoredLead> GetEnumerator()
        {
            for (var position = 0; position < set.Count; position++)
            {
                yield return set.LeadAt(position);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
