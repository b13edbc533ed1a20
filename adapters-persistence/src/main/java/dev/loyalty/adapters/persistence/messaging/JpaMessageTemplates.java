package dev.loyalty.adapters.persistence.messaging;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.messaging.MessageTemplates;
import dev.loyalty.domain.messaging.MessageTemplate;
import dev.loyalty.domain.messaging.MessageText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The message templates in MariaDB: a save is an upsert on (name, language). */
@ApplicationScoped
public class JpaMessageTemplates implements MessageTemplates {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaMessageTemplates() {}

    /** For tests outside the container. */
    public JpaMessageTemplates(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void save(MessageTemplate template) {
        em.createNativeQuery("INSERT INTO message_template (name, language, subject, body, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE subject = VALUES(subject),"
                        + " body = VALUES(body), updated_at = VALUES(updated_at)")
                .setParameter(1, template.name())
                .setParameter(2, template.language())
                .setParameter(3, template.subject().orElse(null))
                .setParameter(4, template.body().value())
                .setParameter(5, UtcTimes.utc(clock.instant()))
                .executeUpdate();
    }

    @Override
    public Optional<MessageTemplate> find(String name, String language) {
        return map(em.createNativeQuery(
                                "SELECT name, language, subject, body FROM message_template WHERE name = ? AND language = ?")
                        .setParameter(1, name)
                        .setParameter(2, language)
                        .getResultList())
                .stream()
                .findFirst();
    }

    @Override
    public List<MessageTemplate> all() {
        return map(em.createNativeQuery(
                        "SELECT name, language, subject, body FROM message_template ORDER BY name, language")
                .getResultList());
    }

    private static List<MessageTemplate> map(List<?> rows) {
        List<MessageTemplate> templates = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            templates.add(new MessageTemplate(
                    (String) c[0], (String) c[1], Optional.ofNullable((String) c[2]), new MessageText((String) c[3])));
        }
        return templates;
    }
}
