using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Account;
using LeadScoringStudio.Features.Users;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Hosting;

public static class StorageRegistration
{
    /// <summary>The database (provider from the "Storage" section), Identity on top of it, and the
    /// repositories.</summary>
    public static IServiceCollection AddStudioStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<StudioDbContext, StudioContextFactory>((provider, options) =>
            UseProvider(options, provider.GetRequiredService<IOptions<StorageOptions>>().Value,
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
                configuration.GetConnectionString(StorageOptions.ConnectionName)));
        services.AddOptions<GovernanceOptions>().Bind(configuration.GetSection(GovernanceOptions.Section));
        services.AddSingleton<ModelRepository>();
        services.AddSingleton<DraftRepository>();
        services.AddSingleton<ChangeLogRepository>();
        services.AddSingleton<ApprovalRepository>();
        services.AddSingleton<WorkshopRepository>();
        services.AddSingleton<LeadWriter>();
        services.AddSingleton<ImportRepository>();
        services.AddSingleton<LeadPipeline>();
        services.AddSingleton<RoutingRepository>();
        services.AddSingleton<Leases>();
        services.AddSingleton<ServerIdentity>();
        services.AddSingleton<FeedbackRepository>();
        services.AddSingleton<SalesQueueRepository>();
        services.AddSingleton<LeadRepository>();

        services.AddDataProtection().SetApplicationName("LeadScoringStudio").PersistKeysToDbContext<StudioDbContext>();
        services.AddIdentityCore<StudioUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddSingleton<AccountCheck>();
        services.AddSingleton<UserAdministration>();
        services.AddScoped<FirstAccount>();
        return services;
    }

    /// <summary>Cookie sign-in; every page requires it (see _Imports.razor) and the role checks live in
    /// <see cref="StudioRoles"/>. Cookies and open pages re-read their account every few seconds, so a role change or
    /// sign-out reaches them.</summary>
    public static IServiceCollection AddStudioSignIn(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStudioAuthentication>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = RevalidatingStudioAuthentication.Interval);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
        });
        services.AddAuthorization();
        return services;
    }

    private static void UseProvider(DbContextOptionsBuilder options, StorageOptions storage, string contentRoot,
        string? connection)
    {
        if (storage.IsPostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Storage:Provider is PostgreSql, but ConnectionStrings:Studio is " +
                    "empty; set it, e.g. \"Host=db;Database=studio;Username=studio;Password=…\".");
            }

            options.UseNpgsql(connection);
            return;
        }

        var path = storage.DatabasePath(contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        options.UseSqlite($"Data Source={path.Replace('\\', '/')}");
    }
}
