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
        using var storage = new TestStorage(seedDemo: false);
        await using var services = await storage.StartAsync();
        using var scope = services.CreateScope();
        var first = scope.ServiceProvider.GetRequiredService<FirstAccount>();
        Assert.True(first.IsOpen);

        var created = await first.CreateAsync(" admin@example.com ", "Admin", "Long-enough-1");

        Assert.True(created.Succeeded);
        Assert.False(first.IsOpen);
        var users = await scope.ServiceProvider.GetRequiredService<LeadScoringStudio.Features.Users.UserAdministration>().ListAsync(Principals.Ops);
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
}
