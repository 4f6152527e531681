using System.Security.Claims;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Users;

/// <summary>A user as the users page lists them.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, string? Role);

/// <summary>The outcome of a user change, with a message for the person who asked.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message);

/// <summary>
/// Ops adds people and sets their role. Every call checks that the caller is Ops, and the last Ops
/// account cannot lose its role (someone must always be able to manage users). Each operation uses
/// its own scope, so no Identity state lingers in a long-lived circuit.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes)
{
    private const string NotOps = "Only Ops can manage users.";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal actor)
    {
        if (!StudioRoles.CanManageUsers(actor))
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<UserSummary>();
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            result.Add(new UserSummary(user.Id, user.Email ?? "", user.DisplayName, roles.FirstOrDefault()));
        }

        return result;
    }

    public async Task<UserChangeResult> AddAsync(ClaimsPrincipal actor, string email, string displayName, string role, string password)
    {
        if (!StudioRoles.CanManageUsers(actor))
        {
            return new(false, NotOps);
        }

        if (!StudioRoles.All.Contains(role))
        {
            return new(false, $"'{role}' is not a role here; choose {string.Join(", ", StudioRoles.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = new StudioUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(false, Describe(created));
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? new(true, $"{user.Email} can now sign in as {role}.") : new(false, Describe(added));
    }

    public async Task<UserChangeResult> SetRoleAsync(ClaimsPrincipal actor, string userId, string role)
    {
        if (!StudioRoles.CanManageUsers(actor))
        {
            return new(false, NotOps);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || !StudioRoles.All.Contains(role))
        {
            return new(false, "That user or role no longer exists; reload the page.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(StudioRoles.Ops) && role != StudioRoles.Ops && (await users.GetUsersInRoleAsync(StudioRoles.Ops)).Count == 1)
        {
            return new(false, $"{user.Email} is the only Ops account; make someone else Ops first.");
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        return added.Succeeded ? new(true, $"{user.Email} is now {role}. The change applies when they next sign in.") : new(false, Describe(added));
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
