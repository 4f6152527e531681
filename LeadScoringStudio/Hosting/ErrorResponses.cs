using Microsoft.AspNetCore.Antiforgery;

namespace LeadScoringStudio.Hosting;

/// <summary>
/// Errors as clients can read them: under <c>/api</c> every error status (a broken body, an unknown route, a method
/// not allowed, a rate limit) comes back as ProblemDetails JSON; pages keep the app's not-found page. A body that
/// cannot be read, or a form without a valid antiforgery token, is a 400 (or the status it carries) with a sentence,
/// never a 500; every other exception goes on to the usual handling (the error page, or the developer page).
/// </summary>
public static class ErrorResponses
{
    public static IServiceCollection AddStudioErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseStudioErrors(this WebApplication app)
    {
        app.Use(AnswerBadInputAsync);
        app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static async Task AnswerBadInputAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (BadInput(exception) is { } bad && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = bad.Status;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = bad.Status, Title = bad.Title },
            });
        }
    }

    /// <summary>The status and sentence for exceptions that mean "the request was bad", else null.</summary>
    private static (int Status, string Title)? BadInput(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode,
            bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message),
        AntiforgeryValidationException => (StatusCodes.Status400BadRequest,
            "The form did not come from this site or has expired: reload the page and try again."),
        _ => null,
    };
}
