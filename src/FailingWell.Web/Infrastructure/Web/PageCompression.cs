using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// Marks a page whose GET answer, to someone not signed in, holds no secret an attacker could probe
/// by compression (BREACH): it may be sent compressed (docs/decisions/0112). Its antiforgery field is
/// different in every answer, so there is nothing fixed to guess at.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CompressedForAnonymousGetsAttribute : Attribute;

/// <summary>
/// The framework's response compression (Brotli, then gzip), but only for the pages that say so, only
/// for a GET or HEAD and only to someone not signed in: never a posted form's answer (a receipt code,
/// a report read back with its code), never a staff page (report text beside a search term someone
/// could put in a link). Static assets are compressed at build and served as they are.
/// </summary>
internal sealed class PageCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        IsSafe(context) && base.ShouldCompressResponse(context);

    internal static bool IsSafe(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<CompressedForAnonymousGetsAttribute>() is not null;
}

public static class PageCompression
{
    public static IServiceCollection AddFailingWellPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Production sees https through the proxy (forwarded headers); the policy above is what
            // makes compressing over TLS safe, not the scheme.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // A page is tens of kilobytes: the smaller answer is worth the fraction of a millisecond.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider, PageCompressionProvider>();
        return services;
    }
}
