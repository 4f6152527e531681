using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Users;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Users;

public class UserAdministrationTests : StorageTest
{
    public UserAdministrationTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected UserAdministrationTests(StorageProvider provider)
        : base(seedDemo: true, leadCount: 1, provider: provider)
    {
    }

    private UserAdministration _administration = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _administration = Services.GetRequiredService<UserAdministration>();
    }

    [SkippableFact]
    public async Task Ops_adds_a_person_with_a_role_and_changes_it()
    {
        var added = await _administration.AddAsync(Principals.Ops, "new.sdr@example.com", "New SDR",
            StudioRoles.Sales, "Long-enough-1");
        Assert.True(added.Succeeded, added.Message);

        var user = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == "new.sdr@example.com");
        Assert.Equal(("New SDR", StudioRoles.Sales), (user.DisplayName, user.Role));

        var changed = await _administration.SetRoleAsync(Principals.Ops, user.Id, StudioRoles.Marketing);
        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(StudioRoles.Marketing, (await _administration.ListAsync(Principals.Ops))
            .Single(u => u.Id == user.Id).Role);
    }

    [SkippableFact]
    public async Task Nobody_but_Ops_may_list_add_or_change_users()
    {
        Assert.Empty(await _administration.ListAsync(Principals.Sales));
        Assert.False((await _administration.AddAsync(Principals.Marketing, "x@example.com", "X",
            StudioRoles.Ops, "Long-enough-1")).Succeeded);
        var sales = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == "sales@demo.local");
        var refused = await _administration.SetRoleAsync(Principals.Sales, sales.Id, StudioRoles.Ops);
        Assert.Equal("Only Ops can manage users.", refused.Message);
        Assert.Equal(StudioRoles.Sales, (await _administration.ListAsync(Principals.Ops))
            .Single(u => u.Id == sales.Id).Role);
    }

    [SkippableFact]
    public async Task The_last_active_Ops_account_can_be_neither_demoted_disabled_locked_nor_deleted()
    {
        var demoOps = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == "ops@demo.local");
        Assert.True((await _administration.DeleteAsync(Principals.Ops, demoOps.Id)).Succeeded);
        var ops = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Role == StudioRoles.Ops);

        var refusals = new[]
        {
            await _administration.SetRoleAsync(Principals.Ops, ops.Id, StudioRoles.Sales),
            await _administration.DisableAsync(Principals.Ops, ops.Id),
            await _administration.LockAsync(Principals.Ops, ops.Id, TimeSpan.FromHours(1)),
            await _administration.DeleteAsync(Principals.Ops, ops.Id),
        };

        Assert.All(refusals, r => Assert.Contains("only active Ops account", r.Message));
        var after = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == ops.Id);
        Assert.Equal(StudioRoles.Ops, after.Role);
        Assert.Null(after.LockedUntil);
    }

    [SkippableFact]
    public async Task A_demoted_Ops_user_loses_Ops_rights_at_once_even_with_its_old_principal()
    {
        var ops2 = await AddAsync("ops2@example.com", StudioRoles.Ops);
        var ops2AsSignedIn = await Principals.SignedInAsync(Services, "ops2@example.com");

        Assert.True((await _administration.SetRoleAsync(Principals.Ops, ops2.Id, StudioRoles.Sales)).Succeeded);

        var backdoor = await _administration.AddAsync(ops2AsSignedIn, "backdoor@example.com", "Backdoor",
            StudioRoles.Ops, "Long-enough-1");
        var restore = await _administration.SetRoleAsync(ops2AsSignedIn, ops2.Id, StudioRoles.Ops);
        Assert.Equal(("Only Ops can manage users.", "Only Ops can manage users."), (backdoor.Message, restore.Message));
        Assert.Empty(await _administration.ListAsync(ops2AsSignedIn));
        Assert.DoesNotContain(await _administration.ListAsync(Principals.Ops), u => u.Email == "backdoor@example.com");
        Assert.False(await Services.GetRequiredService<AccountCheck>().StillValidAsync(ops2AsSignedIn));
    }

    [SkippableFact]
    public async Task Disabling_signs_out_everywhere_and_enabling_lets_them_back_in()
    {
        var sdr = await AddAsync("leaver@example.com", StudioRoles.Marketing);
        var leaver = await Principals.SignedInAsync(Services, "leaver@example.com");
        var check = Services.GetRequiredService<AccountCheck>();
        Assert.True(await check.StillValidAsync(leaver));

        Assert.True((await _administration.DisableAsync(Principals.Ops, sdr.Id)).Succeeded);

        Assert.False(await check.StillValidAsync(leaver));
        Assert.False(StudioRoles.CanEditModel(await check.NowAsync(leaver)));
        Assert.True((await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == sdr.Id).IsDisabled);

        Assert.True((await _administration.EnableAsync(Principals.Ops, sdr.Id)).Succeeded);
        Assert.Null((await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == sdr.Id).LockedUntil);
        Assert.True(await check.StillValidAsync(await Principals.SignedInAsync(Services, "leaver@example.com")));
    }

    [SkippableFact]
    public async Task Locking_lasts_its_time_and_a_password_reset_signs_out_and_sets_the_new_password()
    {
        var user = await AddAsync("suspect@example.com", StudioRoles.Sales);
        var before = await Principals.SignedInAsync(Services, "suspect@example.com");

        Assert.True((await _administration.LockAsync(Principals.Ops, user.Id, TimeSpan.FromHours(24))).Succeeded);
        Assert.Equal(Storage.Time.GetUtcNow().AddHours(24), (await _administration.ListAsync(Principals.Ops))
            .Single(u => u.Id == user.Id).LockedUntil);
        Assert.True((await _administration.EnableAsync(Principals.Ops, user.Id)).Succeeded);

        var reset = await _administration.ResetPasswordAsync(Principals.Ops, user.Id, "Brand-new-pass-2");

        Assert.True(reset.Succeeded, reset.Message);
        Assert.False(await Services.GetRequiredService<AccountCheck>().StillValidAsync(before));
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id))!, "Brand-new-pass-2"));
    }

    [SkippableFact]
    public async Task A_deleted_account_is_gone_and_its_open_principal_has_no_rights()
    {
        var user = await AddAsync("gone@example.com", StudioRoles.Ops);
        var gone = await Principals.SignedInAsync(Services, "gone@example.com");

        Assert.True((await _administration.DeleteAsync(Principals.Ops, user.Id)).Succeeded);

        Assert.DoesNotContain(await _administration.ListAsync(Principals.Ops), u => u.Id == user.Id);
        Assert.Equal("Only Ops can manage users.", (await _administration.DisableAsync(gone, user.Id)).Message);
    }

    [SkippableFact]
    public async Task Nobody_but_Ops_may_disable_lock_delete_or_reset()
    {
        var ops = (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == "ops@demo.local");

        var refusals = new[]
        {
            await _administration.DisableAsync(Principals.Marketing, ops.Id),
            await _administration.LockAsync(Principals.Sales, ops.Id, TimeSpan.FromHours(1)),
            await _administration.DeleteAsync(Principals.Marketing, ops.Id),
            await _administration.ResetPasswordAsync(Principals.Sales, ops.Id, "Taken-over-1"),
        };

        Assert.All(refusals, r => Assert.Equal("Only Ops can manage users.", r.Message));
        Assert.Null((await _administration.ListAsync(Principals.Ops)).Single(u => u.Id == ops.Id).LockedUntil);
    }

    [SkippableFact]
    public async Task A_weak_password_or_unknown_role_says_what_is_wrong()
    {
        var weak = await _administration.AddAsync(Principals.Ops, "weak@example.com", "Weak",
            StudioRoles.Sales, "short");
        Assert.False(weak.Succeeded);
        Assert.Contains("at least 10 characters", weak.Message);

        var role = await _administration.AddAsync(Principals.Ops, "boss@example.com", "Boss", "Admin", "Long-enough-1");
        Assert.Contains("not a role", role.Message);
    }

    private async Task<UserSummary> AddAsync(string email, string role)
    {
        var added = await _administration.AddAsync(Principals.Ops, email, email, role, "Long-enough-1");
        Assert.True(added.Succeeded, added.Message);
        return (await _administration.ListAsync(Principals.Ops)).Single(u => u.Email == email);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class UserAdministrationOnPostgreSqlTests() : UserAdministrationTests(StorageProvider.PostgreSql);
