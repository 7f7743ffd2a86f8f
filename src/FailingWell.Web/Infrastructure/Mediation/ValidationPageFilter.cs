using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Turns a failed validation into model-state errors on the page that sent the request, so the
/// user sees a message beside the field with everything they typed still there.
/// </summary>
public sealed class ValidationPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not ValidationException validation || executed.ExceptionHandled)
        {
            return;
        }

        var prefix = BoundPropertyPrefix(context.HandlerInstance, validation);
        var replaced = new HashSet<string>();
        foreach (var error in validation.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? "" : prefix + error.PropertyName;
            // A field the binder could not read (letters in a number) gets the validator's plainer words
            // instead of the binder's, and one message, not two.
            if (replaced.Add(key) && context.ModelState.TryGetValue(key, out var existing))
            {
                existing.Errors.Clear();
            }

            context.ModelState.AddModelError(key, error.ErrorMessage);
        }

        executed.ExceptionHandled = true;
        executed.Result = new PageResult();
    }

    // The request arrives as a [BindProperty] of the page (Input, Data...): errors are keyed by that
    // property's name so they land on the right fields.
    private static string BoundPropertyPrefix(object page, ValidationException validation)
    {
        var bound = page.GetType()
            .GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null)
            .ToList();
        var requestType = (validation as RequestValidationException)?.RequestType;
        var match = bound.FirstOrDefault(p => p.PropertyType == requestType)
            ?? (bound.Count == 1 ? bound[0] : null);
        return match is null ? "" : match.Name + ".";
    }
}

/// <summary>A validation failure that remembers which request failed.</summary>
public sealed class RequestValidationException(Type requestType, IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    : ValidationException(failures)
{
    public Type RequestType { get; } = requestType;

    /// <summary>A handler's refusal (a rule only it can check), shown beside <paramref name="property"/>, or above the form when empty.</summary>
    public static RequestValidationException For(object request, string property, string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.GetType(), [new FluentValidation.Results.ValidationFailure(property, message)]);
    }
}
