package io.turnout.migrate;

import io.turnout.migrate.parse.Lexer;
import io.turnout.migrate.parse.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexerTest {

    private static List<String> texts(String sql) {
        return Lexer.tokens(sql, 1).stream().map(Token::text).toList();
    }

    @Test
    void escapeStringTakesBackslashesButAWordEndingInEDoesNot() {
        assertThat(texts("SELECT E'a\\'b', x")).containsExactly("SELECT", "a'b", ",", "x");
        assertThat(texts("SELECT 1 WHERE'a\\' = b")).containsExactly("SELECT", "1", "WHERE", "a\\", "=", "b");
    }

    @Test
    void quotedIdentifiersKeepCaseAndDollarQuotesAreOneString() {
        List<Token> t = Lexer.tokens("ALTER TABLE \"My\"\"T\" ADD c text DEFAULT $$x;y$$", 3);
        assertThat(t.get(2).name()).isEqualTo("My\"T");
        assertThat(t.get(2).kind()).isEqualTo(Token.Kind.QUOTED_IDENT);
        assertThat(t.get(t.size() - 1).text()).isEqualTo("x;y");
        assertThat(t.get(0).line()).isEqualTo(3);
    }

    @Test
    void tokensCarryTheirLine() {
        List<Token> t = Lexer.tokens("ALTER TABLE a\n  /* two\n lines */ ADD\n -- c\n COLUMN b text", 10);
        assertThat(t).extracting(Token::line).containsExactly(10, 10, 10, 12, 14, 14, 14);
    }
}
