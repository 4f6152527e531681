using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Data;

/// <summary>
/// Gets the database ready before the app serves requests: applies migrations, makes sure the roles and a
/// model (the starter model) exist, and seeds demo users and leads into an empty database when asked to.
/// </summary>
public static class StudioDatabase
{
    private const string FirstStart = "first start";


    public static async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var contexts = provider.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StudioRoles.All.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }

        await EnsureModelAsync(provider.GetRequiredService<ModelRepository>());
        var demo = provider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.SeedDemoData)
        {
            await SeedDemoAsync(provider, demo);
        }
    }

    /// <summary>A workspace always has a model to open: the starter model, published as version 1.</summary>
    private static async Task EnsureModelAsync(ModelRepository models)
    {
        if (await models.DefaultModelIdAsync() is not null)
        {
            return;
        }

        await models.CreateAsync(StarterModel.Create(), FirstStart, publishNote: "The starter model, as shipped: a starting point for the workshop.");
    }

    private static async Task SeedDemoAsync(IServiceProvider provider, DemoOptions demo)
    {
        var users = provider.GetRequiredService<UserManager<StudioUser>>();
        foreach (var user in DemoUsers.All.Where(u => users.Users.All(existing => existing.Email != u.Email)))
        {
            var account = new StudioUser { UserName = user.Email, Email = user.Email, EmailConfirmed = true, DisplayName = user.DisplayName };
            Check(await users.CreateAsync(account, user.Password), $"create demo user {user.Email}");
            Check(await users.AddToRoleAsync(account, user.Role), $"give {user.Email} the role {user.Role}");
        }

        var leads = provider.GetRequiredService<LeadRepository>();
        if (await leads.CountAsync() == 0)
        {
            var asOf = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            var generated = new DemoDataGenerator(demo.Seed, asOf)
                .GenerateMany(demo.LeadCount)
                .Select((g, i) => new StoredLead(g.Lead, KnownOutcome(g, i), null));
            var examples = ExampleLeads.Create(asOf).Select(e => new StoredLead(e.Lead, LeadOutcome.Unknown, e.Story));
            await leads.AddAsync(examples.Concat(generated));
            await DemoHistory.SeedAsync(provider, StarterModel.Create(), asOf);
            await SeedSegmentsAsync(provider, asOf);
        }
    }

    /// <summary>The demo's second model (enterprise) and the routing that splits the leads between it and the
    /// starter model, both published.</summary>
    private static async Task SeedSegmentsAsync(IServiceProvider provider, DateTimeOffset asOf)
    {
        var models = provider.GetRequiredService<ModelRepository>();
        var smb = await models.DefaultModelIdAsync();
        var enterprise = await models.CreateAsync(DemoSegments.EnterpriseModel(), FirstStart,
            publishNote: "Enterprise accounts buy differently: bigger companies, authority and revenue weigh more.");
        var keys = (await provider.GetRequiredService<Features.Models.ModelCatalog>().ListAsync())
            .ToDictionary(m => m.Id, m => m.Key);
        await provider.GetRequiredService<RoutingRepository>().AddAsync(
            DemoSegments.Routing(keys[smb!.Value], keys[enterprise]), 0, FirstStart, asOf,
            "Enterprise accounts (1,000 employees or more) get their own model.");
    }

    /// <summary>Sales has worked four leads in five, so their outcome is known; the rest are still open.</summary>
    private static LeadOutcome KnownOutcome(GeneratedLead lead, int index) =>
        index % 5 == 4 ? LeadOutcome.Unknown : lead.Converted ? LeadOutcome.Converted : LeadOutcome.NotConverted;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
