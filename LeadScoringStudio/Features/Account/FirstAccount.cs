using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;

namespace LeadScoringStudio.Features.Account;

/// <summary>
/// A new installation without demo seeding has no users; whoever opens it first creates the first Ops
/// account (as self-hosted tools usually do). Once any account exists this is closed for good.
/// </summary>
public sealed class FirstAccount(UserManager<StudioUser> users)
{
    public bool IsOpen => !users.Users.Any();

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password)
    {
        if (!IsOpen)
        {
            return IdentityResult.Failed(new IdentityError { Description = "The studio already has accounts: ask someone in Ops to add you." });
        }

        var user = new StudioUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, StudioRoles.Ops) : created;
    }
}
