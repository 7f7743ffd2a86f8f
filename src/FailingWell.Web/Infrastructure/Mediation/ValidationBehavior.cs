namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Runs every validator of the request before its handler. Failures surface as a
/// <see cref="RequestValidationException"/>, which <see cref="ValidationPageFilter"/> turns into model-state
/// errors beside the fields.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(typeof(TRequest), failures);
        }

        return await next();
    }
}
