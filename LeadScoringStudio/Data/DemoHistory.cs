using System.Security.Claims;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Queue;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>
/// Gives the demo workspace a past: the pipeline is run every two weeks over the last 16 weeks, and the
/// SDRs answer the MQLs of each run the way sales teams do: known converters are accepted and go on to
/// meetings, opportunities and wins; about half of the leads that did not convert are rejected, with the
/// reason their data suggests; the rest are accepted and later lost. Deterministic (fixed seed).
/// </summary>
internal static class DemoHistory
{
    public const string SecondSdr = "alex.sdr@demo.local";
    private const int Weeks = 16;

    public static async Task SeedAsync(IServiceProvider provider, ScoringModel model, DateTimeOffset asOf)
    {
        var contexts = provider.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var pipeline = provider.GetRequiredService<LeadPipeline>();
        var feedback = provider.GetRequiredService<FeedbackService>();
        var sdr = DemoUsers.All.Single(u => u.Role == StudioRoles.Sales).Email;
        await provider.GetRequiredService<SalesQueueRepository>()
            .SetTeamAsync([sdr, SecondSdr], 30, Person("demo seed", StudioRoles.Ops));

        var leads = (await provider.GetRequiredService<LeadRepository>().LoadAllAsync()).ToDictionary(l => l.Lead.Id);
        var random = new Random(11);
        for (var days = Weeks * 7; days >= 0; days -= 14)
        {
            var at = asOf.AddDays(-days);
            await pipeline.RunAsync(model, 1, leads.Values.ToList(), at);
            await using var db = await contexts.CreateDbContextAsync();
            var fresh = await db.LeadStates.AsNoTracking().Where(s => s.Stage == Stage.Mql && s.MqlSince == at)
                .ToListAsync();
            foreach (var state in fresh.Where(s => !leads[s.LeadId].IsExample))
            {
                var stored = leads[state.LeadId];
                var by = Person(state.AssignedTo ?? sdr, StudioRoles.Sales);
                foreach (var (daysLater, input) in Answers(stored, random).Where(a => at.AddDays(a.DaysLater) < asOf))
                {
                    await feedback.RecordAsync(stored.Lead, model, input, by, at.AddDays(daysLater)
                        .AddHours(random.Next(8, 18)));
                }
            }
        }
    }

    private static IEnumerable<(double DaysLater, FeedbackInput Input)> Answers(StoredLead lead, Random random)
    {
        if (random.NextDouble() < 0.15)
        {
            yield break; // not worked yet
        }

        var first = 0.5 + (random.NextDouble() * 3);
        if (lead.Outcome == LeadOutcome.NotConverted && random.NextDouble() < 0.5)
        {
            var reason = ReasonFor(lead.Lead, random);
            yield return (first, new FeedbackInput(SalesEventKind.Rejected, reason,
                reason == RejectionReason.Other ? "Asked for a partnership, not a purchase" : null));
            yield break;
        }

        yield return (first, new FeedbackInput(SalesEventKind.Accepted));
        if (lead.Outcome == LeadOutcome.Converted)
        {
            var amount = Math.Round((decimal)(50 + (random.NextDouble() * 750))) * 100;
            yield return (first + 4, new FeedbackInput(SalesEventKind.MeetingHeld));
            yield return (first + 10, new FeedbackInput(SalesEventKind.OpportunityCreated, Amount: amount));
            yield return (first + 35, new FeedbackInput(SalesEventKind.Won, Amount: amount));
        }
        else if (lead.Outcome == LeadOutcome.NotConverted)
        {
            yield return (first + 5, new FeedbackInput(SalesEventKind.MeetingHeld));
            yield return (first + 20, new FeedbackInput(SalesEventKind.Lost,
                Comment: random.NextDouble() < 0.5 ? "Went with a competitor" : "No budget this year"));
        }
    }

    private static RejectionReason ReasonFor(Lead lead, Random random) =>
        lead.Attribute("persona").Text is "influencer" or "user" ? RejectionReason.WrongPersona
        : lead.Attribute("authority").Text == "none" ? RejectionReason.NoAuthority
        : lead.Email.EndsWith("@gmail.com", StringComparison.OrdinalIgnoreCase)
            || lead.Email.EndsWith("@yahoo.com", StringComparison.OrdinalIgnoreCase) ? RejectionReason.BadData
        : lead.Attribute("timeline_months").Number > 6 ? RejectionReason.TooEarly
        : random.NextDouble() switch
        {
            < 0.4 => RejectionReason.BadFit,
            < 0.7 => RejectionReason.TooEarly,
            < 0.85 => RejectionReason.Duplicate,
            < 0.95 => RejectionReason.AlreadyCustomer,
            _ => RejectionReason.Other,
        };

    private static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
            AccountCheck.ServerMade));
}
