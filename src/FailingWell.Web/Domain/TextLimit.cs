using FluentValidation;

namespace FailingWell.Web.Domain;

/// <summary>
/// The one limit on a free-text answer (what happened, a message, an outcome, a learning response's
/// fields): the column's length and every form's rule, so a text a form takes always fits where it is kept.
/// </summary>
public static class TextLimit
{
    public const int Characters = 10_000;

    /// <summary>"<paramref name="what"/> must be 10,000 characters or fewer", beside the field.</summary>
    public static IRuleBuilderOptions<T, string?> WithinTextLimit<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.MaximumLength(Characters).WithMessage($"{what} must be {Characters:N0} characters or fewer");
}
