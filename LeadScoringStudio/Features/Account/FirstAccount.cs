using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Account;

/// <summary>
/// A new installation without demo seeding has no users; whoever opens it first creates the first Ops
/// account (as self-hosted tools usually do). Once any account exists this is closed for good. Two setup forms sent at
/// the same moment are taken one after the other, so only the first creates an account.
/// </summary>
public sealed class FirstAccount(UserManager<StudioUser> users, IDbContextFactory<StudioDbContext> contexts)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Read on a context of its own: the sign-in page asks while the request's sign-in may be using the
    /// request's context.</summary>
    public bool IsOpen
    {
        get
        {
            using var db = contexts.CreateDbContext();
            return !db.Users.Any();
        }
    }

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (!IsOpen)
            {
                return IdentityResult.Failed(new IdentityError
                {
                    Description = "The studio already has accounts: ask someone in Ops to add you.",
                });
            }

            var user = new StudioUser { UserName = email.Trim(), Email = email.Trim(),
                DisplayName = displayName.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            return created.Succeeded ? await users.AddToRoleAsync(user, StudioRoles.Ops) : created;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
