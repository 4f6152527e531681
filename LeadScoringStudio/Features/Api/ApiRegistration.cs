using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace LeadScoringStudio.Features.Api;

/// <summary>How many API requests one key may make (section "Api" of appsettings.json).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public int RequestsPerMinute { get; set; } = 120_000;
}

public static class ApiRegistration
{
    /// <summary>The OpenAPI document is read by API clients (with a key) and by people in the app (with their
    /// cookie).</summary>
    private const string KeyOrCookie = "ApiKeyOrCookie";

    /// <summary>API keys, the read/write policies, the per-key rate limit and the OpenAPI document.</summary>
    public static IServiceCollection AddStudioApi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddSingleton<ApiKeyRepository>();
        services.AddSingleton<ApiKeyValidator>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(KeyOrCookie, "API key, else the sign-in cookie", scheme =>
                scheme.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.KeyOf(context.Request) is null ? IdentityConstants.ApplicationScheme : ApiKeyAuthenticationHandler.SchemeName);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, policy =>
                policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, "read", "write"))
            .AddPolicy(ApiPolicies.Write, policy =>
                policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, "write"))
            .AddPolicy(ApiPolicies.Docs, policy => policy.AddAuthenticationSchemes(KeyOrCookie)
                .RequireAuthenticatedUser());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = TooManyRequestsAsync;
            limiter.AddPolicy(ApiPolicies.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiKeyRepository.PrefixOf(ApiKeyAuthenticationHandler.KeyOf(context.Request) ?? "") ?? "no-key",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddOpenApi("v1");
        return services;
    }

    /// <summary>A 429 says when to come back, in the Retry-After header and in words.</summary>
    private static async ValueTask TooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = $"This API key has made too many requests; try again in {seconds} seconds.",
            },
        });
    }
}
