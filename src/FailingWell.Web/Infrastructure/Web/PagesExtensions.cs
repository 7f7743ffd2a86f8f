using FailingWell.Web.Infrastructure.Configuration;

namespace FailingWell.Web.Infrastructure.Web;

public static class PagesExtensions
{
    public static WebApplicationBuilder AddFailingWellPages(this WebApplicationBuilder builder, Action<Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection> authorizePages)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        // Run from a build's output (tests, the benchmark's pages, `dotnet run` in any environment), static
        // assets and their compressed copies are where the build's manifest says; published, this finds no
        // manifest and does nothing (wwwroot holds them all).
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment() && builder.Configuration["ReloadStaticAssetsAtRuntime"] is null)
        {
            // Outside Development a build's output is served as a publish is: the manifest's caching and
            // its precompressed files. MapStaticAssets would otherwise treat any build's output as a
            // developer's (every asset no-cache, compressed copies made on the fly without compressing,
            // a fallback route for files the build did not list): docs/decisions/0111.
            builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        }
        // One count of what a client may only do a few times an hour, for every form that limits.
        builder.AddSettings<ClientLimiterSettings>(ClientLimiterSettings.Section);
        builder.Services.AddSingleton<ClientLimiter>();
        builder.Services
            .AddRazorPages(options =>
            {
                // Pages live with their requests and handlers, one folder per audience and capability.
                options.RootDirectory = "/Features";
                // Each feature's module says who may open its pages, gathered by the host; a page none
                // names needs a member of staff signed in with two factors (docs/decisions/0097).
                authorizePages(options.Conventions);
                options.Conventions.AddPageRoute("/Network/Notes/Edit", "/network/notes/{id:int}/edit");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<MethodNotAllowedPageFilter>();
                options.Filters.Add<ValidationPageFilter>();
                // Our forms name fields "Input.WhatHappened", never jQuery's "a[b]": its reader throws on
                // a key with an unclosed bracket, before any page (the error page included) can answer.
                foreach (var jquery in options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory>().ToList())
                {
                    options.ValueProviderFactories.Remove(jquery);
                }
                // Validators beside each request say what is required, in plain English; MVC's
                // implied "The X field is required." would repeat them in developer's words.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                // What the binder says when it cannot read a value, in the same plain words.
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, _) => "Check this answer: it is not in a form we can read");
                options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "Enter a whole number, like 7");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(_ => "Check this answer: it is not in a form we can read");
            })
            .AddViewOptions(options =>
            {
                // Fields are bound with asp-for (docs/decisions/0104), and the page stays the one the
                // hand-written fields made: no data-val-* for a script we do not run (the validators
                // beside each request check), and no hidden "__Invariant" beside a date field, which
                // a search form's address would carry.
                options.HtmlHelperOptions.ClientValidationEnabled = false;
                options.HtmlHelperOptions.FormInputRenderMode = Microsoft.AspNetCore.Mvc.Rendering.FormInputRenderMode.AlwaysUseCurrentCulture;
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "FailingWell.Antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddFailingWellPageCompression();
        builder.Services.AddSingleton<FirstPaint>();
        return builder;
    }

    public static WebApplication UseFailingWellPages(this WebApplication app)
    {
        // Never a stack trace, in any environment: a friendly page and an error id instead.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        var firstPaint = app.Services.GetRequiredService<FirstPaint>();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Our own origin only: no third-party script, font, image or form target can see a reporter. Inline,
            // only the two texts a reporter's first page carries, by their hashes (FirstPaint).
            headers.ContentSecurityPolicy = firstPaint.ContentSecurityPolicy;
            await next();
        });
        app.UseResponseCompression();
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            // Pages (not static assets) are never kept by a browser or a proxy: a shared ward
            // computer's back button must not show someone's report or receipt code.
            // The same values antiforgery sets, so it has nothing to override (and warn about).
            // Static assets say how long they keep themselves (MapStaticAssets: a year and immutable
            // at a fingerprinted address, revalidated at the plain one: docs/decisions/0111).
            if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            {
                context.Response.Headers.CacheControl = "no-cache, no-store";
                context.Response.Headers.Pragma = "no-cache";
            }

            await next();
        });
        app.UseAuthentication();
        // Before any body is read: an anonymous post to a staff page is sent to sign in with its body
        // unread, not read (up to the staff limit) first (docs/decisions/0087).
        app.UseAuthorization();
        app.UseMiddleware<FormGuard>();
        // Files known at build (wwwroot and the NHS.UK frontend the build copies into it), compressed
        // at build and publish, with fingerprinted addresses for asp-append-version (0111).
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
