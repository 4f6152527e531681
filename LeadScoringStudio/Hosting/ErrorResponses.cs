using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace LeadScoringStudio.Hosting;

/// <summary>
/// Errors as clients can read them: under <c>/api</c> every error status (a broken body, an unknown route, a method
/// not allowed, a rate limit) comes back as ProblemDetails JSON; pages keep the app's not-found page. A body that
/// cannot be read, or a form without a valid antiforgery token, is a 400 with a sentence, never a 500.
/// </summary>
public static class ErrorResponses
{
    public static IServiceCollection AddStudioErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadInputHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseStudioErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Turns exceptions that mean "the request was bad" into a 400 (or the status they carry) with
    /// ProblemDetails; anything else is left to the default handling.</summary>
    private sealed class BadInputHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception,
            CancellationToken cancellationToken)
        {
            var (status, title) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, bad.InnerException is { } inner
                    ? $"{bad.Message} {inner.Message}"
                    : bad.Message),
                AntiforgeryValidationException => (StatusCodes.Status400BadRequest,
                    "The form did not come from this site or has expired: reload the page and try again."),
                _ => (0, ""),
            };
            if (status == 0)
            {
                return false;
            }

            context.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title },
            });
        }
    }
}
