using Microsoft.AspNetCore.Mvc.Filters;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// A request whose method no handler of the page takes (a POST to a page that only shows) is
/// answered 405 with the methods it does take. Without this the page rendered with nothing loaded,
/// and its view threw: a 500 for a malformed request.
/// </summary>
public sealed class MethodNotAllowedPageFilter : IAsyncPageFilter, IOrderedFilter
{
    // Before any other page filter: nothing of the page should run for a method it does not take.
    public int Order => int.MinValue;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return next();
        }

        // A page always shows on GET (with or without OnGet); the rest are what its handlers take.
        var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
            .Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
