using LeadScoringStudio.Features.Account;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Account;

public sealed class FirstAccountTests
{
    [Fact]
    public async Task Without_demo_users_the_first_account_becomes_Ops_and_then_setup_closes()
    {
        using var storage = new TestStorage(seedDemo: false, testAccounts: false);
        await using var services = await storage.StartAsync();
        using var scope = services.CreateScope();
        var first = scope.ServiceProvider.GetRequiredService<FirstAccount>();
        Assert.True(first.IsOpen);

        var created = await first.CreateAsync(" admin@example.com ", "Admin", "Long-enough-1");

        Assert.True(created.Succeeded);
        Assert.False(first.IsOpen);
        var users = await scope.ServiceProvider
            .GetRequiredService<LeadScoringStudio.Features.Users.UserAdministration>()
            .ListAsync(await Principals.SignedInAsync(services, "admin@example.com"));
        Assert.Equal(("admin@example.com", StudioRoles.Ops), (users.Single().Email, users.Single().Role));
        var again = await first.CreateAsync("intruder@example.com", "Intruder", "Long-enough-1");
        Assert.False(again.Succeeded);
        Assert.Contains("already has accounts", again.Errors.Single().Description);
    }

    [Fact]
    public async Task With_demo_users_there_is_no_setup()
    {
        using var storage = new TestStorage(seedDemo: true, leadCount: 1);
        await using var services = await storage.StartAsync();

        Assert.False(services.CreateScope().ServiceProvider.GetRequiredService<FirstAccount>().IsOpen);
    }

    [Fact]
    public async Task Two_setup_forms_sent_at_the_same_moment_create_one_account()
    {
        using var storage = new TestStorage(seedDemo: false, testAccounts: false);
        await using var services = await storage.StartAsync();
        var scopes = Enumerable.Range(0, 8).Select(_ => services.CreateScope()).ToList();

        var results = await Task.WhenAll(scopes.Select((scope, i) =>
            scope.ServiceProvider.GetRequiredService<FirstAccount>()
                .CreateAsync($"admin{i}@example.com", "Admin", "Long-enough-1")));

        Assert.Single(results, r => r.Succeeded);
        using var check = services.CreateScope();
        Assert.Single(check.ServiceProvider
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LeadScoringStudio.Data.StudioUser>>().Users);
        scopes.ForEach(s => s.Dispose());
    }
}
