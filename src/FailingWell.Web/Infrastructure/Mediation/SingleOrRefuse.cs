using System.Linq.Expressions;

namespace FailingWell.Web.Infrastructure.Mediation;

public static class SingleOrRefuse
{
    /// <summary>
    /// The one row <paramref name="predicate"/> finds, or <paramref name="request"/> refused with
    /// <paramref name="message"/> above its form: the row went meanwhile (another tab, a colleague), or never was.
    /// </summary>
    public static async Task<T> SingleOrRefuseAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, object request, string message, CancellationToken cancellationToken)
        where T : class =>
        await source.SingleOrDefaultAsync(predicate, cancellationToken) ?? throw RequestValidationException.For(request, "", message);
}
