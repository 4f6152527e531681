using LeadScoringStudio.Features.Users;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Users;

public sealed class UserAdministrationTests() : StorageTest(seedDemo: true, leadCount: 1)
{
    private UserAdministration _administration = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _administration = Services.GetRequiredService<UserAdministration>();
    }

    [Fact]
    public async Task Ops_adds_a_person_with_a_role_and_changes_it()
    {
        var added = await _administration.AddAsync(Principals.Ops, "new.sdr@example.com", "New SDR", StudioRoles.Sales, "Long-enough-1");
        Assert.True(added.Succeeded, added.Message);

        var user = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == "new.sdr@example.com");
        Assert.Equal(("New SDR", StudioRoles.Sales), (user.DisplayName, user.Role));

        var changed = await _administration.SetRoleAsync(Principals.Ops, user.Id, StudioRoles.Marketing);
        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(StudioRoles.Marketing, (await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == user.Id).Role);
    }

    [Fact]
    public async Task Nobody_but_Ops_may_list_add_or_change_users()
    {
        Assert.Empty(await _administration.ListAsync(Principals.Sales));
        Assert.False((await _administration.AddAsync(Principals.Marketing, "x@example.com", "X", StudioRoles.Ops, "Long-enough-1")).Succeeded);
        var sales = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Role == StudioRoles.Sales);
        var refused = await _administration.SetRoleAsync(Principals.Sales, sales.Id, StudioRoles.Ops);
        Assert.Equal("Only Ops can manage users.", refused.Message);
        Assert.Equal(StudioRoles.Sales, (await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == sales.Id).Role);
    }

    [Fact]
    public async Task The_last_Ops_account_keeps_its_role()
    {
        var ops = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Role == StudioRoles.Ops);

        var result = await _administration.SetRoleAsync(Principals.Ops, ops.Id, StudioRoles.Sales);

        Assert.False(result.Succeeded);
        Assert.Contains("only Ops account", result.Message);
    }

    [Fact]
    public async Task A_weak_password_or_unknown_role_says_what_is_wrong()
    {
        var weak = await _administration.AddAsync(Principals.Ops, "weak@example.com", "Weak", StudioRoles.Sales, "short");
        Assert.False(weak.Succeeded);
        Assert.Contains("at least 10 characters", weak.Message);

        var role = await _administration.AddAsync(Principals.Ops, "boss@example.com", "Boss", "Admin", "Long-enough-1");
        Assert.Contains("not a role", role.Message);
    }
}
