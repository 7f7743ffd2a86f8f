using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// A page many may read but fewer may change: every request that is not a GET or HEAD must also meet
/// <paramref name="policy"/> (executives read learning responses; only leads and admins post to them).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ChangesNeedPolicyAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public string Policy { get; } = policy;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, Policy)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
