namespace LeadScoringStudio.Core.Workshops;

/// <summary>Which leads a workshop discusses: a handful the room can vote on, drawn from a search or a cell.</summary>
public static class WorkshopLeads
{
    /// <summary>More than this is not a workshop but a backlog.</summary>
    public const int Most = 50;

    /// <summary>
    /// <paramref name="count"/> of the candidates (at most <see cref="Most"/>) drawn at random without repeats, kept
    /// in the candidates' order; every candidate when there are no more than that.
    /// </summary>
    public static IReadOnlyList<int> Sample(IReadOnlyList<int> candidates, int count, Random random)
    {
        var wanted = Math.Clamp(count, 0, Most);
        if (candidates.Count <= wanted)
        {
            return candidates.ToList();
        }

        var picked = new HashSet<int>();
        while (picked.Count < wanted)
        {
            picked.Add(random.Next(candidates.Count));
        }

        return picked.Order().Select(i => candidates[i]).ToList();
    }
}
