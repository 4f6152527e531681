using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class DataProtectionKeysTests : StorageTest
{
    public DataProtectionKeysTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected DataProtectionKeysTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    [SkippableFact]
    public async Task What_one_server_protects_another_on_the_same_database_reads_so_a_cookie_works_on_both()
    {
        var second = new ServiceCollection(); // a second server: its own services, the same database
        Storage.AddTo(second);
        await using var other = second.BuildServiceProvider();
        const string Purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

        var cookie = Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose)
            .Protect("ops@demo.local signed in");

        Assert.Equal("ops@demo.local signed in",
            other.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(cookie));
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>()
            .CreateDbContextAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class DataProtectionKeysOnPostgreSqlTests() : DataProtectionKeysTests(StorageProvider.PostgreSql);
