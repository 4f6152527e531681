using LeadScoringStudio.Core.Lifecycle;

namespace LeadScoringStudio.Core.Listing;

/// <summary>One lead's recorded place in the funnel, at its position in the lead set.</summary>
public readonly record struct FunnelEntry(int Position, Stage Stage, string? Owner, DateTimeOffset? MqlSince);

/// <summary>
/// Every lead's recorded stage, owner and MQL date as columns in lead-set order, so a million leads filter in
/// milliseconds. A lead the lifecycle has not recorded yet stands at <see cref="Stage.Lead"/>, with nobody.
/// Immutable: <see cref="With"/> gives a copy with one lead changed.
/// </summary>
public sealed class FunnelColumns
{
    /// <summary>No owner; an index into <see cref="Owners"/> otherwise.</summary>
    public const int Nobody = -1;

    private readonly Dictionary<string, int> _ownerIndex;
    private readonly List<string> _owners;

    private FunnelColumns(Stage[] stages, int[] owner, long[] mqlSince, List<string> owners)
    {
        Stages = stages;
        Owner = owner;
        MqlSinceTicks = mqlSince;
        _owners = owners;
        _ownerIndex = Enumerable.Range(0, owners.Count).ToDictionary(i => owners[i], StringComparer.OrdinalIgnoreCase);
    }

    public Stage[] Stages { get; }

    public int[] Owner { get; }

    /// <summary>UTC ticks; 0 when the lead is not (or never was) an MQL.</summary>
    public long[] MqlSinceTicks { get; }

    public IReadOnlyList<string> Owners => _owners;

    public static FunnelColumns Build(int count, IEnumerable<FunnelEntry> entries)
    {
        var columns = new FunnelColumns(new Stage[count], Enumerable.Repeat(Nobody, count).ToArray(), new long[count],
            []);
        foreach (var entry in entries)
        {
            columns.Set(entry);
        }

        return columns;
    }

    /// <summary>The owner's index, or null when that person owns no lead.</summary>
    public int? OwnerIndexOf(string person) => _ownerIndex.TryGetValue(person, out var index) ? index : null;

    public string? OwnerOf(int position) => Owner[position] == Nobody ? null : Owners[Owner[position]];

    public DateTimeOffset? MqlSinceOf(int position) =>
        MqlSinceTicks[position] == 0 ? null : new DateTimeOffset(MqlSinceTicks[position], TimeSpan.Zero);

    /// <summary>A copy with one lead's entry replaced; this one stays as it is for whoever reads it.</summary>
    public FunnelColumns With(FunnelEntry entry)
    {
        var copy = new FunnelColumns((Stage[])Stages.Clone(), (int[])Owner.Clone(), (long[])MqlSinceTicks.Clone(),
            [.. _owners]);
        copy.Set(entry);
        return copy;
    }

    private void Set(FunnelEntry entry)
    {
        Stages[entry.Position] = entry.Stage;
        Owner[entry.Position] = entry.Owner is { } person ? IndexOrAdd(person) : Nobody;
        MqlSinceTicks[entry.Position] = entry.MqlSince?.UtcTicks ?? 0;
    }

    private int IndexOrAdd(string person)
    {
        if (!_ownerIndex.TryGetValue(person, out var index))
        {
            index = _owners.Count;
            _owners.Add(person);
            _ownerIndex[person] = index;
        }

        return index;
    }
}
