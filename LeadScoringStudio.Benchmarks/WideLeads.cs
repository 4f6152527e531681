using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Generated leads with 40 fields of every kind an export carries: text with 3 to 500 distinct values (some rare),
/// numbers (some with a 999 "never" sentinel), yes/no and dates, each missing now and then; the outcome follows a
/// hidden logit over eight of them and one pair of them. Seeded, so every run sees the same leads.
/// </summary>
internal static class WideLeads
{
    public const int FieldCount = 40;

    public static IReadOnlyList<CatalogField> Fields { get; } = Enumerable.Range(0, FieldCount).Select(FieldAt)
        .ToList();

    public static (IReadOnlyList<Lead> Leads, IReadOnlyList<bool?> Outcomes) Generate(int count, int seed = 40)
    {
        var random = new Random(seed);
        var leads = new List<Lead>(count);
        var outcomes = new List<bool?>(count);
        for (var i = 0; i < count; i++)
        {
            var values = new Dictionary<string, FieldValue>(FieldCount, StringComparer.OrdinalIgnoreCase);
            var logit = -2.0;
            for (var f = 0; f < FieldCount; f++)
            {
                if (random.NextDouble() < (f % 7) * 0.05)
                {
                    continue; // missing
                }

                var (value, effect) = ValueAt(f, random);
                values[Fields[f].Key] = value;
                logit += effect;
            }

            // Two fields that go together: a combination worth more than its parts, for the pair search to find.
            if (values.TryGetValue("text_4", out var text) && text.Text!.EndsWith(" 1", StringComparison.Ordinal)
                && values.TryGetValue("flag_2", out var flag) && flag.Yes)
            {
                logit += 1.5;
            }

            leads.Add(new Lead($"w-{i}", values, []));
            outcomes.Add(i % 5 == 4 ? null : random.NextDouble() < 1 / (1 + Math.Exp(-logit)));
        }

        return (leads, outcomes);
    }

    private static CatalogField FieldAt(int f) => (f % 4) switch
    {
        0 => CatalogField.Guess($"text_{f}", FieldType.Text),
        1 => CatalogField.Guess($"number_{f}", FieldType.Number),
        2 => CatalogField.Guess($"flag_{f}", FieldType.YesNo),
        _ => f % 8 == 3 ? CatalogField.Guess($"date_{f}", FieldType.Date) : CatalogField.Guess($"visits_{f}",
            FieldType.Number),
    };

    /// <summary>A value of field <paramref name="f"/> and what it adds to the hidden logit (fields 0 to 7
    /// matter).</summary>
    private static (FieldValue Value, double Effect) ValueAt(int f, Random random)
    {
        var matters = f < 8;
        switch (Fields[f].Type)
        {
            case FieldType.Text:
                var distinct = f >= 36 ? 500 : 3 + (f * 3);
                var skewed = (int)(distinct * Math.Pow(random.NextDouble(), 2.5));
                return (FieldValue.OfText($"value {skewed}"), matters && skewed % 3 == 0 ? 0.8 : 0);
            case FieldType.YesNo:
                var yes = random.NextDouble() < 0.3;
                return (FieldValue.OfYesNo(yes), matters && yes ? -0.7 : 0);
            case FieldType.Date:
                var days = random.Next(0, 720);
                return (FieldValue.OfDate(new DateOnly(2025, 1, 1).AddDays(days)), matters && days > 600 ? 0.5 : 0);
            default:
                if (f % 5 == 0 && random.NextDouble() < 0.8)
                {
                    return (FieldValue.OfNumber(999), 0); // "never"
                }

                var number = Math.Round(Math.Exp(random.NextDouble() * 6), f % 3 == 0 ? 1 : 0);
                return (FieldValue.OfNumber(number), matters ? Math.Log(number + 1) * 0.25 - 0.5 : 0);
        }
    }
}
