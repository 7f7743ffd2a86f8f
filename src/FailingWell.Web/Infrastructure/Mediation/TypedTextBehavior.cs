using System.Reflection;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Before any request is validated or handled: an answer holding a control character (a NUL, an
/// escape) is cleaned and refused with a message beside its field, so the person sees the cleaned
/// answer, checks it and sends again. Nothing they typed is lost and nothing unsafe is stored.
/// </summary>
public sealed class TypedTextBehavior<TRequest, TResponse>(IHttpContextAccessor http) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly PropertyInfo[] Texts = typeof(TRequest)
        .GetProperties(BindingFlags.Instance | BindingFlags.Public)
        .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
        .ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        // Fields the form guard cleaned on the way in ("Input.WhatHappened" is this request's WhatHappened).
        var cleaned = http.HttpContext?.Items[Web.FormGuard.CleanedFields] as HashSet<string>;
        foreach (var property in Texts)
        {
            if (cleaned is { Count: > 0 } && cleaned.Any(key => key == property.Name || key.EndsWith("." + property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add(new FluentValidation.Results.ValidationFailure(property.Name, TypedText.ControlMessage));
            }
            else if (property.GetValue(request) is string text && TypedText.HasControl(text))
            {
                property.SetValue(request, TypedText.WithoutControls(text));
                failures.Add(new FluentValidation.Results.ValidationFailure(property.Name, TypedText.ControlMessage));
            }
        }

        return failures.Count > 0 ? throw new RequestValidationException(typeof(TRequest), failures) : next();
    }
}
