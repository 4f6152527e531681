using System.Data.Common;
using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Benchmarks.Warehouse;

/// <summary>One lead's row of the warehouse SQL's output.</summary>
internal sealed record SqlScore(int Fit, int Engagement, int Total, string Cell, bool Mql, bool Disqualified,
    string TopReasons, int[] Categories);

/// <summary>Compares the warehouse SQL's rows with the core's scores, lead by lead.</summary>
internal static class SqlParity
{
    /// <summary>The rows of the SQL's output by lead id.</summary>
    public static async Task<Dictionary<string, SqlScore>> ReadAsync(DbDataReader reader, ScoringModel model)
    {
        var rows = new Dictionary<string, SqlScore>();
        var categories = model.Categories.Select(c => reader.GetOrdinal($"category_{c.Id}")).ToArray();
        int Column(string name) => reader.GetOrdinal(name);
        var (id, fit, engagement, total, cell, mql, disqualified, reasons) = (Column("lead_id"), Column("fit"),
            Column("engagement"), Column("total"), Column("cell"), Column("mql"), Column("disqualified"),
            Column("top_reasons"));
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(id), new SqlScore(reader.GetInt32(fit), reader.GetInt32(engagement),
                reader.GetInt32(total), reader.GetString(cell), reader.GetBoolean(mql), reader.GetBoolean(disqualified),
                reader.GetString(reasons), categories.Select(reader.GetInt32).ToArray()));
        }

        return rows;
    }

    /// <summary>Each lead whose row differs from the batch scores (fit, engagement, total, cell, MQL, disqualified,
    /// category scores), or that has no row or more than one, in words; empty when all are equal.</summary>
    public static List<string> Differences(IReadOnlyList<string> ids, BatchScores expected,
        IReadOnlyDictionary<string, SqlScore> rows)
    {
        var differences = new List<string>();
        if (rows.Count != ids.Count)
        {
            differences.Add($"{rows.Count} rows for {ids.Count} leads");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var core = new SqlScore(expected.Fit[i], expected.Engagement[i], expected.Total[i],
                expected.CellOf(i).ToString(), expected.IsMql[i], expected.IsDisqualified[i], "",
                expected.CategoryScores.AsSpan(i * expected.CategoryCount, expected.CategoryCount).ToArray());
            if (!rows.TryGetValue(ids[i], out var row))
            {
                differences.Add($"{ids[i]}: no row");
            }
            else if (!SameNumbers(core, row))
            {
                differences.Add($"{ids[i]}: core {Describe(core)}, SQL {Describe(row)}");
            }
        }

        return differences;
    }

    /// <summary>Every lead whose numbers differ, and each of the first 3,000 whose top reasons differ.</summary>
    public static List<string> AllDifferences(ScoringModel model, IReadOnlyList<Lead> leads, BatchScores expected,
        IReadOnlyDictionary<string, SqlScore> rows, DateTimeOffset asOf)
    {
        var differences = Differences(leads.Select(l => l.Id).ToList(), expected, rows);
        differences.AddRange(ReasonDifferences(model, leads.Take(3000), asOf, rows));
        return differences;
    }

    /// <summary>Each of the given leads whose top reasons differ from the scored-leads export's.</summary>
    private static IEnumerable<string> ReasonDifferences(ScoringModel model, IEnumerable<Lead> leads,
        DateTimeOffset asOf, IReadOnlyDictionary<string, SqlScore> rows)
    {
        var scorer = new LeadScorer(model);
        foreach (var lead in leads)
        {
            var expected = ScoredLeadCsv.TopReasons(scorer.Score(lead, asOf));
            if (rows[lead.Id].TopReasons != expected)
            {
                yield return $"{lead.Id}: core \"{expected}\", SQL \"{rows[lead.Id].TopReasons}\"";
            }
        }
    }

    private static bool SameNumbers(SqlScore core, SqlScore row) =>
        (core.Fit, core.Engagement, core.Total, core.Cell, core.Mql, core.Disqualified)
        == (row.Fit, row.Engagement, row.Total, row.Cell, row.Mql, row.Disqualified)
        && core.Categories.AsSpan().SequenceEqual(row.Categories);

    private static string Describe(SqlScore s) =>
        $"fit {s.Fit} engagement {s.Engagement} total {s.Total} {s.Cell}{(s.Mql ? " MQL" : "")}" +
        $"{(s.Disqualified ? " disqualified" : "")} categories [{string.Join(", ", s.Categories)}]";
}
