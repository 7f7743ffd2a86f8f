using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Import;

/// <summary>Bringing a trust's history in from another system's export (decisions 0130-0132).</summary>
public static class ImportModule
{
    /// <summary>Admins only: an import writes reports in bulk.</summary>
    public static void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeFolder("/Import", Policies.Administer);

    public static WebApplicationBuilder AddFailingWellImport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ImportEngine>();
        return builder;
    }
}
