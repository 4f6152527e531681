using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public sealed class StudioDatabaseTests
{
    [Fact]
    public async Task Demo_seeding_creates_one_user_per_role_the_published_starter_model_a_draft_and_the_leads()
    {
        using var storage = new TestStorage(seedDemo: true, leadCount: 30);
        await using var services = await storage.StartAsync();

        var users = services.GetRequiredService<UserManager<StudioUser>>();
        foreach (var demo in DemoUsers.All)
        {
            var user = await users.FindByEmailAsync(demo.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, demo.Password));
            Assert.Equal([demo.Role], await users.GetRolesAsync(user));
        }

        var models = services.GetRequiredService<ModelRepository>();
        var workspace = await models.LoadAsync((await models.DefaultModelIdAsync())!.Value);
        Assert.Equal(StarterModel.Create(), workspace.Published!.Model);
        Assert.Equal(StarterModel.Create(), workspace.Draft.Model);
        Assert.Equal(1, workspace.Published.Number);

        var leads = await services.GetRequiredService<LeadRepository>().LoadAllAsync();
        Assert.Equal(30 + LeadScoringStudio.Core.Demo.ExampleLeads.Create(storage.Time.GetUtcNow()).Count, leads.Count);
        Assert.Contains(leads, l => l.Outcome == LeadScoringStudio.Core.Leads.LeadOutcome.Converted);
        Assert.Contains(leads, l => l.Outcome == LeadScoringStudio.Core.Leads.LeadOutcome.Unknown && !l.IsExample);
    }

    [Fact]
    public async Task Starting_again_adds_nothing_twice()
    {
        using var storage = new TestStorage(seedDemo: true, leadCount: 10, testAccounts: false);
        await using var services = await storage.StartAsync();

        await StudioDatabase.PrepareAsync(services);

        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        Assert.Equal(DemoUsers.All.Count, await db.Users.CountAsync());
        Assert.Equal(2, await db.Models.CountAsync()); // the starter and the demo's enterprise model
        Assert.Equal(2, await db.PublishedModels.CountAsync());
        Assert.Equal(1, await db.RoutingVersions.CountAsync());
        Assert.Equal(StudioRoles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(10 + 12, await db.Leads.CountAsync());
    }

    [Fact]
    public async Task With_demo_seeding_off_there_are_roles_and_the_published_starter_model_but_no_users_or_leads()
    {
        using var storage = new TestStorage(seedDemo: false, testAccounts: false);
        await using var services = await storage.StartAsync();

        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        Assert.Equal(StudioRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Leads.CountAsync());
        var models = services.GetRequiredService<ModelRepository>();
        Assert.Equal(StarterModel.Create(),
            (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Published!.Model);
        Assert.True(File.Exists(Path.Combine(storage.Folder, "studio.db")));
    }
}
