using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The Freedom to Speak Up guardian's pages. Their handlers need nothing registered beyond the mediator's own scan.</summary>
public static class SpeakUpModule
{
    /// <summary>Speak-up cases: guardians only (not admins: the cases are confidential).</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/SpeakUp", Policies.SpeakUp);
    }

    public static WebApplicationBuilder AddFailingWellSpeakUp(this WebApplicationBuilder builder) => builder;
}
