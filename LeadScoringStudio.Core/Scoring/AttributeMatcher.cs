using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model's attribute criteria and attribute disqualifiers compiled against a batch. Each field a condition reads is
/// looked at once per lead, and the lead's value leads straight to the criteria and disqualifiers it meets. A criterion
/// with several conditions matches when all of them hold. A condition on a field no lead has a value in is decided
/// here, once.
/// </summary>
/// <remarks>When each criterion's match need not be told (no explanation, no evidence kept), the points of the
/// <c>summed</c> criteria (one condition, no category) are added up per distinct value beforehand: a lead then costs
/// one look-up per field, without a branch on its value, and only the other criteria and the disqualifiers are listed
/// one by one.</remarks>
internal sealed class AttributeMatcher
{
    private const int Disqualifier = -1;

    private readonly FieldTargets[] _fields;
    private readonly int[] _needed;
    private readonly int[] _always;
    private readonly int[] _several;
    private readonly bool _alwaysDisqualified;
    private readonly int[] _points;

    /// <param name="summed">Whether criterion k, when it has a single condition, may be added up with the others
    /// rather than listed; null lists every criterion.</param>
    public AttributeMatcher(IReadOnlyList<Criterion> criteria, IEnumerable<AttributeCondition> disqualifiers,
        LeadBatch batch, Func<int, bool>? summed = null)
    {
        var conditions = criteria
            .SelectMany((criterion, k) => criterion is AttributeCriterion a ? a.Conditions.Select(c => (c, k)) : [])
            .Concat(disqualifiers.Select(c => (c, Disqualifier)))
            .Select(p => (Target: p.Item2, Table: batch.Conditions.Of(p.Item1)))
            .ToList();
        var constant = conditions.Where(c => c.Table.Matches.Length == 1).ToList();
        var never = constant.Where(c => c.Target != Disqualifier && !c.Table.Matches[0]).Select(c => c.Target)
            .ToHashSet();
        _alwaysDisqualified = constant.Any(c => c.Target == Disqualifier && c.Table.Matches[0]);
        var perLead = conditions.Where(c => c.Table.Matches.Length > 1 && !never.Contains(c.Target)).ToList();
        _needed = new int[criteria.Count];
        foreach (var (target, _) in perLead.Where(c => c.Target != Disqualifier))
        {
            _needed[target]++;
        }

        _always = [.. Enumerable.Range(0, criteria.Count)
            .Where(k => criteria[k] is AttributeCriterion && !never.Contains(k) && _needed[k] == 0)];
        _several = [.. Enumerable.Range(0, criteria.Count).Where(k => _needed[k] > 1)];
        _points = [.. criteria.Select(c => c is AttributeCriterion ? CriterionPoints.Final(c, 1) : 0)];
        var added = Enumerable.Range(0, criteria.Count)
            .Select(k => summed is not null && _needed[k] == 1 && summed(k) ? PointsIn(criteria[k].Dimension, k)
                : (ValuePoints?)null)
            .ToArray();
        _fields = [.. perLead.GroupBy(c => c.Table.ValueIds, ReferenceEqualityComparer.Instance)
            .Select(field => FieldTargets.Of([.. field], added))];
        MostListed = _fields.Sum(field => field.MostListed);
    }

    /// <summary>At most how many criteria and disqualifiers one lead can be listed with.</summary>
    public int MostListed { get; }

    /// <summary>The points attribute criterion <paramref name="k"/> gives a lead that meets it.</summary>
    public int PointsOf(int k) => _points[k];

    private ValuePoints PointsIn(Dimension dimension, int k) =>
        dimension == Dimension.Fit ? new ValuePoints(_points[k], 0) : new ValuePoints(0, _points[k]);

    /// <summary>
    /// Matches <paramref name="leads"/> (positions in the batch, in order, close together) into
    /// <paramref name="block"/>, a field at a time: each field's values are read in one run, which the processor reads
    /// ahead of, where reading every field lead by lead jumps between as many places as there are fields.
    /// </summary>
    public void Match(ReadOnlySpan<int> leads, Block block)
    {
        block.Points.AsSpan(0, leads.Length).Clear();
        block.Counts.AsSpan(0, leads.Length).Clear();
        var (points, counts, listed, most) = (block.Points, block.Counts, block.Listed, block.MostListed);
        foreach (var field in _fields)
        {
            var (valueIds, added, start, targets) = (field.ValueIds, field.Points, field.Start, field.Targets);
            for (var i = 0; i < leads.Length; i++)
            {
                var id = valueIds[leads[i]];
                ref var sum = ref points[i];
                sum = new ValuePoints(sum.Fit + added[id].Fit, sum.Engagement + added[id].Engagement);
                for (var t = start[id]; t < start[id + 1]; t++)
                {
                    listed[(i * most) + counts[i]++] = targets[t];
                }
            }
        }
    }

    /// <summary>
    /// Writes each listed attribute criterion the <paramref name="i"/>th lead of <paramref name="block"/> meets into
    /// <paramref name="matched"/> from <paramref name="count"/> on, and moves <paramref name="count"/> past them; says
    /// whether a disqualifier holds. <paramref name="hits"/> holds one count per criterion, all 0 before and after.
    /// </summary>
    public bool Listed(Block block, int i, Span<int> hits, Span<int> matched, ref int count)
    {
        var disqualified = _alwaysDisqualified;
        foreach (var k in _always)
        {
            matched[count++] = k;
        }

        foreach (var target in block.Listed.AsSpan(i * block.MostListed, block.Counts[i]))
        {
            if (target == Disqualifier)
            {
                disqualified = true;
            }
            else if (_needed[target] == 1 || ++hits[target] == _needed[target])
            {
                matched[count++] = target;
            }
        }

        foreach (var k in _several)
        {
            hits[k] = 0;
        }

        return disqualified;
    }

    /// <summary>What <see cref="Match"/> found for up to <c>capacity</c> leads: per lead, the points of the summed
    /// criteria it meets, and the other criteria and disqualifiers it meets.</summary>
    internal sealed class Block(int capacity, int mostListed)
    {
        public ValuePoints[] Points { get; } = new ValuePoints[capacity];

        public int MostListed { get; } = mostListed;

        /// <summary>Lead i's listed targets are <c>Listed[i × MostListed ..]</c>, <c>Counts[i]</c> of them.</summary>
        public int[] Listed { get; } = new int[capacity * mostListed];

        public int[] Counts { get; } = new int[capacity];
    }

    /// <summary>Fit and engagement points.</summary>
    internal readonly record struct ValuePoints(int Fit, int Engagement);

    /// <summary>One field's value ids per lead and, per distinct value, the points of the summed criteria it meets and
    /// the other criteria (or disqualifiers, as −1) whose condition on the field it meets:
    /// <c>Targets[Start[id]..Start[id + 1]]</c>.</summary>
    private sealed record FieldTargets(int[] ValueIds, ValuePoints[] Points, int[] Start, int[] Targets, int MostListed)
    {
        /// <remarks>A field can have as many distinct values as there are leads, so this runs without a closure or an
        /// enumerator per value.</remarks>
        public static FieldTargets Of((int Target, (int[] ValueIds, bool[] Matches) Table)[] conditions,
            ValuePoints?[] added)
        {
            var values = conditions[0].Table.Matches.Length;
            var points = new ValuePoints[values];
            var start = new int[values + 1];
            var targets = new List<int>();
            var mostListed = 0;
            for (var id = 0; id < values; id++)
            {
                start[id] = targets.Count;
                foreach (var (target, (_, matches)) in conditions)
                {
                    if (!matches[id])
                    {
                        continue;
                    }

                    if (target != Disqualifier && added[target] is { } summed)
                    {
                        points[id] = new ValuePoints(points[id].Fit + summed.Fit,
                            points[id].Engagement + summed.Engagement);
                    }
                    else
                    {
                        targets.Add(target);
                    }
                }

                mostListed = Math.Max(mostListed, targets.Count - start[id]);
            }

            start[values] = targets.Count;
            return new FieldTargets(conditions[0].Table.ValueIds, points, start, [.. targets], mostListed);
        }
    }
}
