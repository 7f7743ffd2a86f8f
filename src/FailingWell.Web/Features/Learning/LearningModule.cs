using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Learning;

/// <summary>PSIRF learning responses: the response plan, responses, safety actions with measures, engagement.</summary>
public static class LearningModule
{
    /// <summary>Learning responses: executives read; the pages' posts need a lead (ChangesNeedPolicy).</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Learning", Policies.ReadGovernance);
        // Pages that show report text, or start from a report, are for leads (and admins).
        conventions.AuthorizePage("/Learning/Start", Policies.Triage);
        conventions.AuthorizePage("/Learning/Thematic", Policies.Triage);
        conventions.AuthorizePage("/Learning/JustCultureGuide", Policies.Triage);
        conventions.AuthorizePage("/Learning/JustCultureRecord", Policies.Triage);
    }

    // Everything here is pages and mediator requests (registered with the others); nothing to add yet.
    public static WebApplicationBuilder AddFailingWellLearning(this WebApplicationBuilder builder) => builder;
}
